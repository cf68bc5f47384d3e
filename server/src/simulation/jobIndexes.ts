/**
 * status.completedIndexes of an Indexed Job (indexed_job_utils.go#orderedIntervals.String): the indexes in order, a
 * run of three or more as `first-last`, two neighbours as `first,last` (`0-2,4,5`).
 */
export function completedIndexes(indexes: Iterable<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let at = 0; at < sorted.length;) {
    let end = at;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    const [first, last] = [sorted[at], sorted[end]];
    runs.push(last === first ? String(first) : `${first}${last === first + 1 ? ',' : '-'}${last}`);
    at = end + 1;
  }
  return runs.join(',');
}
