// Small readers for JSON that crossed a process boundary: each returns a value of
// the expected type or undefined, and bounds what a broken answer can cost.

/** Upper bounds that keep a broken or hostile answer from freezing the panel. */
export const MAX_ITEMS = 200_000;
export const MAX_TEXT = 4_000;

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined;
}

export function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A whole non-negative count; anything else reads as 0. */
export function count(value: unknown): number {
  const n = finite(value);
  return n === undefined || n < 0 ? 0 : Math.floor(n);
}

/** The items of a list that `read` accepts, or undefined when `value` is not a (bounded) list. */
export function list<T>(value: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_ITEMS) return undefined;
  const out: T[] = [];
  for (const item of value) {
    const read_ = read(item);
    if (read_ !== undefined) out.push(read_);
  }
  return out;
}
