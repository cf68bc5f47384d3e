import { distance } from 'fastest-levenshtein';

export interface Suggestion {
  /** Closest candidates, best first (at most three). */
  names: string[];
  /** One candidate stands out: safe to offer as the preferred rename. */
  clear: boolean;
}

/** Did-you-mean over `candidates`: case-insensitive equality, then small edit distance, then a unique prefix. */
export function suggest(name: string, candidates: Iterable<string>): Suggestion {
  const lower = name.toLowerCase();
  const all = [...candidates];
  const sameLetters = all.filter((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters.length === 1) return { names: sameLetters, clear: true };
  const threshold = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
  const scored = all
    .map((candidate) => ({ candidate, score: distance(lower, candidate.toLowerCase()) }))
    .filter((entry) => entry.score <= threshold)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  if (scored.length > 0) {
    const clear = scored.length === 1 || scored[1].score > scored[0].score;
    return { names: scored.slice(0, 3).map((entry) => entry.candidate), clear };
  }
  if (name.length >= 5) {
    const extended = all.filter((candidate) => candidate.toLowerCase().startsWith(lower));
    if (extended.length > 0) return { names: extended.slice(0, 3), clear: extended.length === 1 };
  }
  return { names: [], clear: false };
}
