// Message templates: `{name}` placeholders filled from a finding's data.
export function fillTemplate(template: string, data: Record<string, string | number | boolean>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
