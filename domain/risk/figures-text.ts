/** A flag's figures as one line the list can show: 「名称: 值；名称: 值」, in the order the rule gave them. */
export function figuresText(figures: unknown): string {
  if (typeof figures === 'string') {
    try {
      return figuresText(JSON.parse(figures));
    } catch {
      return figures;
    }
  }
  if (!figures || typeof figures !== 'object') return '';
  return Object.entries(figures as Record<string, unknown>)
    .map(
      ([name, value]) =>
        `${name}: ${value === null || value === undefined ? '—' : typeof value === 'boolean' ? (value ? '是' : '否') : String(value)}`,
    )
    .join('；');
}
