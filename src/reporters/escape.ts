// Every value in a report can come from an input file, so it is untrusted: a worker id of
// `<script>…` must print as text. One helper for element text and quoted attributes alike.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  // Control characters other than tab and line breaks are not allowed in HTML text.
  // eslint-disable-next-line no-control-regex
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * Text for a terminal: no control characters (C0 but tab and line feed, DEL, C1), so no
 * escape sequence from an input reaches it, and no bidi overrides that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(value: unknown): string {
  return String(value ?? '').replace(TERMINAL_UNSAFE, '');
}

// eslint-disable-next-line no-control-regex
const JSON_INVISIBLE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify escapes C0 controls but leaves C1 controls, bidi overrides and line
 * separators raw; written as \uXXXX escapes they parse to the very same value and cannot
 * act on a terminal or an editor that shows the file.
 */
export function jsonText(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(JSON_INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
