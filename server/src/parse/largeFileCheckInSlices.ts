import { largeFileSyntaxSlices } from './largeFileSyntax';
import type { ManifestFile } from './model';

/** How long one turn of the check may hold the event loop before requests and other documents get theirs. */
export const TURN_MILLISECONDS = 20;

const running = new WeakSet<ManifestFile>();

/**
 * Runs the pending syntax check of an oversized file a turn at a time, letting the event loop run between turns,
 * and fills `file.syntaxProblems` when it is done. Resolves true once filled, false when `isCurrent` says the text
 * changed or closed meanwhile (the check stops there). Returns undefined if the check is not pending or already
 * running, so that only its first caller acts on the result.
 */
export function checkInSlices(file: ManifestFile, isCurrent: () => boolean, turnMilliseconds = TURN_MILLISECONDS): Promise<boolean> | undefined {
  if (!file.syntaxCheckPending || running.has(file)) return undefined;
  running.add(file);
  return run(file, isCurrent, turnMilliseconds).finally(() => running.delete(file));
}

async function run(file: ManifestFile, isCurrent: () => boolean, turnMilliseconds: number): Promise<boolean> {
  const slices = largeFileSyntaxSlices(file.text);
  try {
    for (let turnStart = performance.now(); ;) {
      const step = slices.next();
      if (step.done) {
        file.syntaxProblems = step.value;
        return true;
      }
      if (performance.now() - turnStart < turnMilliseconds) continue;
      await new Promise((resolve) => setImmediate(resolve));
      if (!isCurrent()) return false;
      turnStart = performance.now();
    }
  } finally {
    // Done, abandoned or failed: it is not checked again (a failure leaves the notice, without syntax problems).
    file.syntaxCheckPending = false;
  }
}
