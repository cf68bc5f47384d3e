/** One hover section: the explanation, the facts computed from this manifest, the link to the docs. */
export function hoverSection(explanation: string, facts: readonly string[], link: { title: string; url: string }): string {
  const parts = [explanation];
  const shown = facts.filter((fact) => fact.length > 0);
  if (shown.length > 0) parts.push(shown.map((fact) => `- ${fact}`).join('\n'));
  parts.push(`[${link.title}](${link.url})`);
  return parts.join('\n\n');
}

export function seconds(value: number): string {
  return `${value} s`;
}

/** A whole number of seconds, or the default when unset, zero or not a number (the API server defaults zeros for probes). */
export function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}

export function nonNegativeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 ? value : fallback;
}
