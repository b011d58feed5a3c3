// Field delimiter from the header line: comma (the CSV default and Chinese Excel's choice),
// tab (Excel "Unicode text", .tsv) or semicolon (Excel in European locales).

const CANDIDATES = [',', '\t', ';'];

/** Counts candidates outside quotes on the first non-blank line; comma wins ties. */
export function detectDelimiter(text: string, tabByDefault = false): string {
  const counts = [0, 0, 0];
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      quoted = !quoted;
      content = true;
    } else if (quoted) {
      continue;
    } else if (c === '\n' || c === '\r') {
      if (content) break;
    } else {
      const k = CANDIDATES.indexOf(c);
      if (k >= 0) counts[k]++;
      if (c !== ' ') content = true;
    }
  }
  const best = Math.max(...counts);
  if (best === 0) return tabByDefault ? '\t' : ',';
  return CANDIDATES[counts.indexOf(best)];
}
