// Message templates: `{name}` placeholders filled from a finding's data.
export function fillTemplate(template: string, data: Record<string, string | number | boolean>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** A translation by pattern: the match → the text in Chinese, or undefined to try the next one. */
export type Pattern = [RegExp, (m: RegExpExecArray) => string | undefined];

/**
 * English text (a reason, a note) → `lang`: an exact entry, else the first pattern that
 * translates it, else the text as given (values from the input stay as they are).
 */
export function translator(exact: Readonly<Record<string, string>>, patterns: readonly Pattern[]): (text: string, lang: 'zh' | 'en') => string {
  return (text, lang) => {
    if (lang === 'en') return text;
    const whole = exact[text];
    if (whole) return whole;
    for (const [re, to] of patterns) {
      const m = re.exec(text);
      const zh = m && to(m);
      if (zh) return zh;
    }
    return text;
  };
}
