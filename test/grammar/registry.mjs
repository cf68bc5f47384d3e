// A TextMate registry (vscode-textmate + oniguruma, VS Code's own engine) holding VS Code's
// YAML and shell grammars and, when asked, Podlab's injection as package.json contributes it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INITIAL = textmate.INITIAL;

/** VS Code's extensions folder: PODLAB_VSCODE_EXTENSIONS, or the code-server `npm run install-code-server` caches. */
export const extensionsFolder = process.env.PODLAB_VSCODE_EXTENSIONS
  ?? join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');

const BASE_GRAMMARS = {
  'source.yaml': 'yaml/syntaxes/yaml.tmLanguage.json',
  'source.yaml.1.0': 'yaml/syntaxes/yaml-1.0.tmLanguage.json',
  'source.yaml.1.1': 'yaml/syntaxes/yaml-1.1.tmLanguage.json',
  'source.yaml.1.2': 'yaml/syntaxes/yaml-1.2.tmLanguage.json',
  'source.yaml.1.3': 'yaml/syntaxes/yaml-1.3.tmLanguage.json',
  'source.yaml.embedded': 'yaml/syntaxes/yaml-embedded.tmLanguage.json',
  'source.shell': 'shellscript/syntaxes/shell-unix-bash.tmLanguage.json',
};

/** The base grammar files that are missing (the tests cannot run without them). */
export function missingBaseGrammars() {
  return Object.values(BASE_GRAMMARS).map((file) => join(extensionsFolder, file)).filter((file) => !existsSync(file));
}

/** Podlab's grammar contributions that inject into other grammars, read from package.json. */
function injections() {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return (pkg.contributes?.grammars ?? []).filter((grammar) => grammar.injectTo).map((grammar) => ({ ...grammar, path: join(repoRoot, grammar.path) }));
}

const onigLib = oniguruma.loadWASM(readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer).then(() => ({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (text) => new oniguruma.OnigString(text),
}));

/** A registry with the base grammars, plus Podlab's injections when `withInjections`. */
export function createRegistry(withInjections) {
  const injected = withInjections ? injections() : [];
  return new textmate.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const path = injected.find((grammar) => grammar.scopeName === scopeName)?.path
        ?? (BASE_GRAMMARS[scopeName] && join(extensionsFolder, BASE_GRAMMARS[scopeName]));
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scopeName) => injected.filter((grammar) => grammar.injectTo.includes(scopeName)).map((grammar) => grammar.scopeName),
  });
}
