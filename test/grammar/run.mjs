// `npm run test:grammar`: Podlab's TextMate injection, run by VS Code's own engine
// (vscode-textmate + oniguruma) together with VS Code's YAML and shell grammars.
// 1. Scope assertions (test/grammar/*.test.yaml, vscode-tmgrammar-test's format): each
//    asserted source line is one test.
// 2. The injection keeps YAML's own highlighting (yamlPreserved.mjs) on the grammar tests,
//    examples/, every snippet's default expansion and, when present, the shared corpus
//    (PODLAB_CORPUS, default ../shared/corpus).
// Prints mocha-style `N passing` / `N failing` lines; exits 1 when a test fails, 2 when
// VS Code's grammars are missing (see `npm run install-code-server`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { createRegistry, extensionsFolder, missingBaseGrammars, repoRoot } from './registry.mjs';
import { checkText } from './yamlPreserved.mjs';

const require = createRequire(import.meta.url);
const { parseGrammarTestCase, runGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index.js');

const missing = missingBaseGrammars();
if (missing.length > 0) {
  console.error(`The grammar tests need VS Code's YAML and shell grammars, not found in ${extensionsFolder}:\n  ${missing.join('\n  ')}\n`
    + 'Run `npm run install-code-server` (it caches code-server under .vscode-test/), or point PODLAB_VSCODE_EXTENSIONS at the extensions folder of a VS Code installation.');
  process.exit(2);
}

const results = { passing: 0, failing: [], pending: 0 };
const pass = (title) => {
  results.passing += 1;
  console.log(`    ✔ ${title}`);
};
const fail = (title, details) => {
  results.failing.push({ title, details });
  console.log(`    ${results.failing.length}) ${title}`);
};

const grammarTests = join(repoRoot, 'test', 'grammar');
const injected = createRegistry(true);

for (const file of readdirSync(grammarTests).filter((name) => name.endsWith('.test.yaml')).sort()) {
  const text = readFileSync(join(grammarTests, file), 'utf8');
  let testCase;
  try {
    testCase = parseGrammarTestCase(text);
  } catch (error) {
    console.log(`\n  ${file}`);
    fail(`${file} parses as a grammar test`, String(error));
    continue;
  }
  console.log(`\n  ${testCase.metadata.description || file} (${file})`);
  const failures = await runGrammarTestCase(injected, testCase);
  for (const assertion of testCase.assertions) {
    const source = testCase.source[assertion.sourceLineNumber];
    const title = `line ${assertion.sourceLineNumber + 1}: ${source.trim()}`;
    const own = failures.filter((failure) => failure.line === assertion.testCaseLineNumber);
    if (own.length === 0) pass(title);
    else fail(`${file} ${title}`, own.map((f) => `${source}\n${' '.repeat(f.start)}${'^'.repeat(Math.max(1, f.end - f.start))}\n`
      + `  missing: ${f.missing.join(' ') || '-'}; unexpected: ${f.unexpected.join(' ') || '-'}\n  actual: ${f.actual.join(' ')}`).join('\n'));
  }
}

console.log('\n  coverage');
const scopesOf = (file, suffix) => [...readFileSync(join(repoRoot, 'syntaxes', file), 'utf8').matchAll(new RegExp(`"((?:[\\w-]+\\.)+${suffix})"`, 'g'))].map((match) => match[1]);
const defined = [...new Set([...scopesOf('kubernetes.injection.tmLanguage.json', 'kubernetes'), ...scopesOf('helm.injection.tmLanguage.json', 'helm')])].sort();
const asserted = new Set(readdirSync(grammarTests).filter((name) => name.endsWith('.test.yaml'))
  .flatMap((file) => parseGrammarTestCase(readFileSync(join(grammarTests, file), 'utf8')).assertions)
  .flatMap((assertion) => assertion.scopeAssertions.flatMap((scopeAssertion) => scopeAssertion.scopes)));
const unasserted = defined.filter((scope) => !asserted.has(scope));
if (defined.length > 0 && unasserted.length === 0) pass(`each of the ${defined.length} Kubernetes and Helm scopes of the grammars is asserted present by a test`);
else fail('each Kubernetes and Helm scope of the grammars is asserted present by a test', `never asserted: ${unasserted.join(', ') || '(the grammar defines none)'}`);

console.log("\n  the injection keeps YAML's own highlighting");
const yamlGrammar = await createRegistry(false).loadGrammar('source.yaml');
const injectedGrammar = await injected.loadGrammar('source.yaml');

function yamlFiles(path) {
  if (statSync(path).isDirectory()) return readdirSync(path).sort().flatMap((entry) => yamlFiles(join(path, entry)));
  return /\.ya?ml$/.test(path) ? [path] : [];
}

/** One test over a set of texts: every line of every text keeps YAML's highlighting. */
function checkTexts(title, texts) {
  let kubernetesTokens = 0;
  const broken = [];
  for (const [name, text] of texts) {
    const result = checkText(yamlGrammar, injectedGrammar, text);
    kubernetesTokens += result.kubernetesTokens;
    for (const problem of result.problems) broken.push(`${name}:${problem.line}:${problem.column + 1}: ${problem.text}\n  YAML alone: ${problem.yaml.join(' ')}\n  injected:   ${problem.injected.join(' ')}`);
  }
  const summary = `${title}: ${texts.length} files, ${kubernetesTokens} tokens with Kubernetes scopes`;
  if (kubernetesTokens === 0) fail(summary, 'no token got a Kubernetes scope: is the injection loaded?');
  else if (broken.length === 0) pass(summary);
  else fail(summary, broken.slice(0, 20).join('\n') + (broken.length > 20 ? `\n... and ${broken.length - 20} more` : ''));
}

const read = (files) => files.map((file) => [relative(repoRoot, file), readFileSync(file, 'utf8')]);
// Without their assertion lines, as vscode-tmgrammar-test tokenizes them.
checkTexts('test/grammar/*.test.yaml', yamlFiles(grammarTests).filter((file) => file.endsWith('.test.yaml'))
  .map((file) => [relative(repoRoot, file), parseGrammarTestCase(readFileSync(file, 'utf8')).source.join('\n')]));
checkTexts('examples/', read(yamlFiles(join(repoRoot, 'examples'))));

const { readSnippetFile } = await tsImport('../../client/src/templates/snippetFile.ts', import.meta.url);
const { expandSnippet } = await tsImport('../../client/src/templates/snippetSyntax.ts', import.meta.url);
const snippets = readSnippetFile(readFileSync(join(repoRoot, 'snippets', 'kubernetes.code-snippets'), 'utf8'));
checkTexts('every snippet expanded with its defaults', snippets.map((snippet) => [`snippet "${snippet.name}"`, expandSnippet(snippet.body)]));

const corpus = process.env.PODLAB_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');
if (existsSync(corpus)) checkTexts(`the corpus (${basename(corpus)})`, read(yamlFiles(corpus)));
else {
  results.pending += 1;
  console.log(`    - the corpus: not found at ${corpus} (set PODLAB_CORPUS)`);
}

console.log(`\n  ${results.passing} passing`);
if (results.pending > 0) console.log(`  ${results.pending} pending`);
if (results.failing.length > 0) {
  console.log(`  ${results.failing.length} failing\n`);
  results.failing.forEach(({ title, details }, index) => console.log(`  ${index + 1}) ${title}\n${details.replace(/^/gm, '     ')}\n`));
}
process.exit(results.failing.length > 0 ? 1 : 0);
