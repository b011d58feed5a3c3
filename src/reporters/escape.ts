// Every value in a report can come from an input file, so it is untrusted: a worker id of
// `<script>…` must print as text. One helper for element text and quoted attributes alike.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  // Control characters other than tab and line breaks are not allowed in HTML text.
  // eslint-disable-next-line no-control-regex
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}
