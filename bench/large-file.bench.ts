/**
 * The syntax check of files above podlab.maxFileSize: for each hostile large file, in a fresh process each (peak RSS
 * is per process), prints the time of the whole check, the longest turn it held the event loop in (run as the server
 * runs it, in slices), the problems found and the peak RSS. The text itself is built before the clock starts.
 */
import { execFileSync } from 'node:child_process';
import { largeFileSyntaxSlices } from '../server/src/parse/largeFileSyntax';
import { checkInSlices } from '../server/src/parse/largeFileCheckInSlices';
import { parseManifest } from '../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { manyPods, POD } from '../test/unit/hostile/texts';

const CASES: Record<string, () => string> = {
  '20 MB, 170,000 small documents': () => manyPods(20_000_000),
  '20 MB, one document of 400,000 keys': () => `${POD}data:\n${Array.from({ length: 400_000 }, (_, i) => `  key-${i}: value number ${i} of a long ConfigMap`).join('\n')}\n`,
  '20 MB, broken every 1,000 lines': () => manyPods(20_000_000).replace(/name: web-(\d*)000\n/g, 'name: "web-$1\n'),
  'one line of 5 MB': () => `${POD}  description: ${'a'.repeat(5_000_000)}\n`,
  '20 MB of one flow sequence': () => `${POD}  args: [${Array.from({ length: 2_000_000 }, (_, i) => `a${i}`).join(', ')}]\n`,
};

async function measure(name: string): Promise<void> {
  const text = CASES[name]();
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  const file = parseManifest(text, { maxAnalysisSize: DEFAULT_SETTINGS.maxFileSize, deferLargeFileSyntax: true });
  const start = performance.now();
  let longestTurn = 0;
  let last = start;
  const ticker = setInterval(() => {}, 1);
  const watch = () => {
    const now = performance.now();
    longestTurn = Math.max(longestTurn, now - last);
    last = now;
    if (file.syntaxCheckPending) setImmediate(watch);
  };
  setImmediate(watch);
  const done = await checkInSlices(file, () => true);
  clearInterval(ticker);
  const seconds = (performance.now() - start) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`${name.padEnd(40)} ${(text.length / 1e6).toFixed(1).padStart(5)} M chars  ${seconds.toFixed(2).padStart(6)} s  longest turn ${longestTurn.toFixed(0).padStart(4)} ms  ${String(file.syntaxProblems.length).padStart(3)} problems  peak RSS ${peak.toFixed(0)} MB (text built: ${rssBefore.toFixed(0)} MB)${done ? '' : '  NOT DONE'}`);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only) return measure(only);
  console.log(`Syntax check of large files (Node ${process.version}), one process per file:`);
  for (const name of Object.keys(CASES)) {
    execFileSync(process.execPath, [...process.execArgv, process.argv[1], name], { stdio: 'inherit' });
  }
  // Slice size and full-parse comparison, for the record: the same text checked in one go.
  const text = CASES['20 MB, 170,000 small documents']();
  const start = performance.now();
  const slices = largeFileSyntaxSlices(text, text.length);
  while (!slices.next().done);
  console.log(`(the first file checked in a single slice: ${((performance.now() - start) / 1000).toFixed(2)} s)`);
}

void main();
