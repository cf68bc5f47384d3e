/** Kubernetes resource quantities: `<signedNumber><suffix>`, suffix binary (Ki..Ei), decimal (n u m "" k M G T P E) or an exponent. */

const QUANTITY = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

const MULTIPLIERS: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** The value of a quantity written as text or as a YAML number; undefined when it does not parse. */
export function parseQuantity(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const match = QUANTITY.exec(raw);
  if (!match) return undefined;
  const number = Number(match[1]);
  const suffix = match[2] ?? '';
  if (/^[eE]/.test(suffix)) return number * 10 ** Number(suffix.slice(1));
  return number * MULTIPLIERS[suffix];
}

/** What a user probably meant by a quantity that does not parse (`1GB` -> `1G`, `1 gi` -> `1Gi`), if anything. */
export function suggestQuantity(raw: string): string[] {
  const compact = raw.replace(/\s+/g, '');
  const match = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))([A-Za-z]*)$/.exec(compact);
  if (!match) return [];
  const [, number, unit] = match;
  const lower = unit.toLowerCase();
  const binary: Record<string, string> = { ki: 'Ki', kib: 'Ki', mi: 'Mi', mib: 'Mi', gi: 'Gi', gib: 'Gi', ti: 'Ti', tib: 'Ti', pi: 'Pi', pib: 'Pi' };
  const decimal: Record<string, [string, string]> = { kb: ['k', 'Ki'], mb: ['M', 'Mi'], gb: ['G', 'Gi'], tb: ['T', 'Ti'], pb: ['P', 'Pi'], g: ['G', 'Gi'], t: ['T', 'Ti'], p: ['P', 'Pi'], K: ['k', 'Ki'] };
  if (binary[lower]) return [number + binary[lower]];
  if (decimal[lower]) return decimal[lower].map((suffix) => number + suffix);
  if (unit === 'K') return [`${number}k`, `${number}Ki`];
  if (compact !== raw && QUANTITY.test(compact)) return [compact];
  return [];
}

export function isValidQuantity(raw: unknown): boolean {
  return parseQuantity(raw) !== undefined;
}
