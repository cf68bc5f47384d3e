// Tokenizes real manifests with VS Code's YAML grammar alone and with Podlab's injection,
// to show the injection never throws, never makes a line slow, and what it costs in time.
// Usage: node test/grammar/tokenizeCorpus.mjs <extensions folder> <file or folder>...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** A line slower than this (with the injection) fails the check. */
const MAX_LINE_MS = 50;

const [extensions, ...inputs] = process.argv.slice(2);
const grammarFiles = {
  'source.yaml': 'yaml/syntaxes/yaml.tmLanguage.json',
  'source.yaml.1.0': 'yaml/syntaxes/yaml-1.0.tmLanguage.json',
  'source.yaml.1.1': 'yaml/syntaxes/yaml-1.1.tmLanguage.json',
  'source.yaml.1.2': 'yaml/syntaxes/yaml-1.2.tmLanguage.json',
  'source.yaml.1.3': 'yaml/syntaxes/yaml-1.3.tmLanguage.json',
  'source.yaml.embedded': 'yaml/syntaxes/yaml-embedded.tmLanguage.json',
  'source.shell': 'shellscript/syntaxes/shell-unix-bash.tmLanguage.json',
};
const injectionPath = join(root, 'syntaxes', 'kubernetes.injection.tmLanguage.json');

const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (text) => new oniguruma.OnigString(text),
}));

function registry(withInjection) {
  return new textmate.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const path = scopeName === 'kubernetes.injection' ? injectionPath : grammarFiles[scopeName] && join(extensions, grammarFiles[scopeName]);
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scopeName) => (withInjection && scopeName === 'source.yaml' ? ['kubernetes.injection'] : []),
  });
}

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
    let state = textmate.INITIAL;
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
const yamlOnly = await registry(false).loadGrammar('source.yaml');
const kubernetes = await registry(true).loadGrammar('source.yaml');
// A first pass compiles every rule's regular expressions; the later passes are measured.
await tokenizeAll(yamlOnly, files);
await tokenizeAll(kubernetes, files);
const base = await bestOf(yamlOnly, files);
const withInjection = await bestOf(kubernetes, files);
console.log(`tokenized ${files.length} files, ${withInjection.lines} lines: YAML alone ${base.ms.toFixed(0)} ms, with the Kubernetes injection ${withInjection.ms.toFixed(0)} ms`
  + ` (x${(withInjection.ms / base.ms).toFixed(2)}); ${withInjection.injected} tokens got Kubernetes scopes; slowest line ${withInjection.slowest.ms.toFixed(1)} ms (${withInjection.slowest.where})`);
if (withInjection.slowest.ms > MAX_LINE_MS) {
  console.error(`a line took ${withInjection.slowest.ms.toFixed(1)} ms (limit ${MAX_LINE_MS} ms)`);
  process.exit(1);
}
