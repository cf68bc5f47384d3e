/**
 * Kubernetes resource quantities, read and written as apimachinery's resource.Quantity does: `<signedNumber><suffix>`
 * with a binary (Ki..Ei), decimal (n u m "" k M G T P E) or exponent (e3, E-6) suffix. Values are exact: a whole number
 * of nano-units, rounded up (away from zero) as ParseQuantity rounds anything finer.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in nano-units (1 = 1n, 1_000_000_000n = 1). */
  nanos: bigint;
  /** The kind of suffix it was written with, which String() keeps. */
  format: QuantityFormat;
}

const NANOS_PER_UNIT = 1_000_000_000n;
/** BinarySI values are capped at 2^63-1 in magnitude (maxAllowed). */
const MAX_ALLOWED = (2n ** 63n - 1n) * NANOS_PER_UNIT;
/** Past this exponent the exact value no longer matters to anyone (and would cost time to compute). */
const MAX_EXPONENT = 1000;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';

/** The API server's answer to a quantity that does not parse (resource.ErrFormatWrong). */
export const QUANTITY_FORMAT_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

interface Pieces {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** The scanner of parseQuantityString: sign, digits, optional fraction, then suffix letters and an optional signed exponent. */
function scan(text: string): Pieces | undefined {
  let pos = 0;
  let positive = true;
  if (text[0] === '-' || text[0] === '+') {
    positive = text[0] === '+';
    pos++;
  }
  const digitsFrom = (from: number): number => {
    let end = from;
    while (end < text.length && text[end] >= '0' && text[end] <= '9') end++;
    return end;
  };
  const numEnd = digitsFrom(pos);
  const num = text.slice(pos, numEnd).replace(/^0+/, '') || '0';
  pos = numEnd;
  let denom = '';
  if (text[pos] === '.') {
    const denomEnd = digitsFrom(pos + 1);
    denom = text.slice(pos + 1, denomEnd);
    pos = denomEnd;
  }
  const suffixStart = pos;
  while (pos < text.length && SUFFIX_CHARS.includes(text[pos])) pos++;
  if (text[pos] === '-' || text[pos] === '+') pos++;
  if (digitsFrom(pos) !== text.length) return undefined;
  return { positive, num, denom, suffix: text.slice(suffixStart) };
}

/** Base and exponent of a suffix (10^-3 for `m`, 2^20 for `Mi`, 10^6 for `e6`), as quantitySuffixer.interpret reads it. */
function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    const parsed = BigInt(suffix.slice(1));
    if (parsed > 2n ** 63n - 1n || parsed < -(2n ** 63n)) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** numerator / denominator, rounded up to a whole number (both positive). */
function divideUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/** |value| in nanos, rounded up, for digits `num.denom` times base^exponent. */
function magnitudeInNanos(num: string, denom: string, base: 2 | 10, exponent: number): bigint {
  const digits = BigInt(num + denom);
  if (digits === 0n) return 0n;
  const clamped = Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, exponent));
  let numerator = digits * NANOS_PER_UNIT;
  let denominator = 10n ** BigInt(denom.length);
  const power = BigInt(base) ** BigInt(Math.abs(clamped));
  if (clamped >= 0) numerator *= power;
  else denominator *= power;
  return divideUp(numerator, denominator);
}

/** ParseQuantity: the quantity a string denotes, or undefined where the API server answers "quantities must match...". */
export function parseQuantity(text: string): Quantity | undefined {
  if (text.length === 0) return undefined;
  const pieces = scan(text);
  if (!pieces) return undefined;
  const suffix = interpretSuffix(pieces.suffix);
  if (!suffix) return undefined;
  let magnitude = magnitudeInNanos(pieces.num, pieces.denom, suffix.base, suffix.exponent);
  let format = suffix.format;
  if (format === 'BinarySI' && magnitude > MAX_ALLOWED) magnitude = MAX_ALLOWED;
  if (format === 'BinarySI' && magnitude > 0n && magnitude < NANOS_PER_UNIT) format = 'DecimalSI';
  return { nanos: pieces.positive ? magnitude : -magnitude, format };
}

/**
 * A quantity as the API server decodes it from a manifest's value: a string is parsed; a YAML number reaches it as a
 * JSON number and is parsed from its text. Anything else (or an unparseable string) is undefined.
 */
export function readQuantity(raw: unknown): Quantity | undefined {
  if (typeof raw === 'string') return parseQuantity(raw);
  if (typeof raw === 'number' && Number.isFinite(raw)) return parseQuantity(String(raw));
  if (typeof raw === 'bigint') return parseQuantity(raw.toString());
  return undefined;
}

export function isValidQuantity(raw: unknown): boolean {
  return readQuantity(raw) !== undefined;
}

/** Cmp: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  if (a.nanos === b.nanos) return 0;
  return a.nanos < b.nanos ? -1 : 1;
}

/** The value in base units (cores, bytes) as a float: for arithmetic that need not be exact (the simulation's scheduler). */
export function quantityToNumber(q: Quantity): number {
  const whole = q.nanos / NANOS_PER_UNIT;
  const rest = q.nanos % NANOS_PER_UNIT;
  return Number(whole) + Number(rest) / 1e9;
}

/** The value in milli-units, rounded up (MilliValue, as CPU requests are counted). */
export function quantityToMilli(q: Quantity): number {
  const perMilli = 1_000_000n;
  const milli = q.nanos >= 0n ? divideUp(q.nanos, perMilli) : -(-q.nanos / perMilli);
  return Number(milli);
}

/** The value in base units, rounded up to a whole number (Value, as bytes are counted). */
export function quantityToValue(q: Quantity): number {
  const value = q.nanos >= 0n ? divideUp(q.nanos, NANOS_PER_UNIT) : -(-q.nanos / NANOS_PER_UNIT);
  return Number(value);
}

/** A whole number of base units (no fraction of a byte). */
export function isWholeQuantity(q: Quantity): boolean {
  return q.nanos % NANOS_PER_UNIT === 0n;
}

function removeFactors(value: bigint, factor: bigint): { amount: bigint; times: number } {
  let amount = value;
  let times = 0;
  while (amount !== 0n && amount % factor === 0n) {
    amount /= factor;
    times++;
  }
  return { amount, times };
}

function decimalSuffix(exponent: number, format: QuantityFormat): string {
  if (format === 'DecimalExponent') return exponent === 0 ? '' : `e${exponent}`;
  const entry = Object.entries(DECIMAL_SUFFIXES).find(([, value]) => value === exponent);
  return entry ? entry[0] : '';
}

/** String(): the canonical form (no fraction, the largest suffix of the format that loses nothing: 1536Mi, 1500m, 1e3). */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const sign = q.nanos < 0n ? '-' : '';
  const magnitude = q.nanos < 0n ? -q.nanos : q.nanos;
  let format = q.format;
  if (format === 'BinarySI' && (magnitude < 1024n * NANOS_PER_UNIT || magnitude % NANOS_PER_UNIT !== 0n)) format = 'DecimalSI';
  if (format === 'BinarySI') {
    const { amount, times } = removeFactors(magnitude / NANOS_PER_UNIT, 1024n);
    const suffix = Object.entries(BINARY_SUFFIXES).find(([, value]) => value === times * 10)?.[0] ?? '';
    return `${sign}${amount}${suffix}`;
  }
  const removed = removeFactors(magnitude, 10n);
  let amount = removed.amount;
  let exponent = removed.times - 9;
  while (((exponent % 3) + 3) % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  return `${sign}${amount}${decimalSuffix(exponent, format)}`;
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
  if (compact !== raw && parseQuantity(compact)) return [compact];
  return [];
}
