// Tokenizes real manifests with VS Code's YAML grammar alone and with Podlab's injection, and
// prints what the injection costs in time (a measurement, not a test) and the slowest line.
// Usage: node test/grammar/tokenizeCorpus.mjs [file or folder]... (default: examples/ and ../shared/corpus)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRegistry, INITIAL, missingBaseGrammars, repoRoot } from './registry.mjs';

if (missingBaseGrammars().length > 0) {
  console.error('VS Code\'s YAML and shell grammars are missing: run `npm run install-code-server` or set PODLAB_VSCODE_EXTENSIONS.');
  process.exit(2);
}
const inputs = process.argv.length > 2 ? process.argv.slice(2) : [join(repoRoot, 'examples'), join(repoRoot, '..', 'shared', 'corpus')].filter(existsSync);

function yamlFiles(path) {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((entry) => yamlFiles(join(path, entry)));
  return /\.ya?ml$/.test(path) ? [path] : [];
}

async function tokenizeAll(grammar, files) {
  let lines = 0;
  let injected = 0;
  /** The slowest lines, with the state before them so they can be timed again. */
  let slow = [];
  const started = performance.now();
  for (const file of files) {
    let state = INITIAL;
    const text = readFileSync(file, 'utf8').split(/\r?\n/);
    text.forEach((line, index) => {
      const before = performance.now();
      const result = grammar.tokenizeLine(line, state);
      const ms = performance.now() - before;
      if (slow.length < 5 || ms > slow[slow.length - 1].ms) {
        slow = [...slow, { ms, line, state, where: `${file}:${index + 1}` }].sort((a, b) => b.ms - a.ms).slice(0, 5);
      }
      injected += result.tokens.filter((t) => t.scopes.some((s) => s.endsWith('.kubernetes'))).length;
      state = result.ruleStack;
      lines += 1;
    });
  }
  return { lines, injected, ms: performance.now() - started, slowest: slowestLine(grammar, slow) };
}

/** Times the candidate lines again (best of 5, so a GC pause or a busy CPU does not count) and returns the slowest. */
function slowestLine(grammar, candidates) {
  let slowest = { ms: 0, where: '' };
  for (const candidate of candidates) {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const before = performance.now();
      grammar.tokenizeLine(candidate.line, candidate.state);
      best = Math.min(best, performance.now() - before);
    }
    if (best > slowest.ms) slowest = { ms: best, where: candidate.where };
  }
  return slowest;
}

/** Best of three passes, so the ratio is not the noise of a shared machine. */
async function bestOf(grammar, files) {
  let best;
  for (let pass = 0; pass < 3; pass++) {
    const result = await tokenizeAll(grammar, files);
    if (!best || result.ms < best.ms) best = result;
  }
  return best;
}

const files = inputs.flatMap(yamlFiles);
const yamlOnly = await createRegistry(false).loadGrammar('source.yaml');
const kubernetes = await createRegistry(true).loadGrammar('source.yaml');
// A first pass compiles every rule's regular expressions; the later passes are measured.
await tokenizeAll(yamlOnly, files);
await tokenizeAll(kubernetes, files);
const base = await bestOf(yamlOnly, files);
const withInjection = await bestOf(kubernetes, files);
console.log(`tokenized ${files.length} files, ${withInjection.lines} lines: YAML alone ${base.ms.toFixed(0)} ms, with the Kubernetes injection ${withInjection.ms.toFixed(0)} ms`
  + ` (x${(withInjection.ms / base.ms).toFixed(2)}); ${withInjection.injected} tokens got Kubernetes scopes; slowest line ${withInjection.slowest.ms.toFixed(1)} ms (${withInjection.slowest.where})`);
