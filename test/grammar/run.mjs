// Runs the grammar tests (test/grammar/*.test.yaml) with vscode-tmgrammar-test, the real
// TextMate engine (vscode-textmate + oniguruma). Podlab's grammar is an injection, so the
// tests also load VS Code's own YAML and shell grammars: from the code-server that
// `npm run install-code-server` caches under .vscode-test/, or from PODLAB_VSCODE_EXTENSIONS.
// Usage: node test/grammar/run.mjs [more vscode-tmgrammar-test options]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensions = process.env.PODLAB_VSCODE_EXTENSIONS
  ?? join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');
const baseGrammars = [
  'yaml/syntaxes/yaml.tmLanguage.json',
  'yaml/syntaxes/yaml-1.0.tmLanguage.json',
  'yaml/syntaxes/yaml-1.1.tmLanguage.json',
  'yaml/syntaxes/yaml-1.2.tmLanguage.json',
  'yaml/syntaxes/yaml-1.3.tmLanguage.json',
  'yaml/syntaxes/yaml-embedded.tmLanguage.json',
  'shellscript/syntaxes/shell-unix-bash.tmLanguage.json',
].map((file) => join(extensions, file));

const missing = baseGrammars.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`The grammar tests need VS Code's YAML and shell grammars; missing:\n  ${missing.join('\n  ')}\n`
    + 'Run `npm run install-code-server` (it caches code-server under .vscode-test/), or point PODLAB_VSCODE_EXTENSIONS at the extensions folder of a VS Code installation.');
  process.exit(2);
}

const cli = createRequire(import.meta.url).resolve('vscode-tmgrammar-test/dist/unit.js');
const args = [cli, '--config', join(root, 'package.json'), ...baseGrammars.flatMap((file) => ['-g', file]), ...process.argv.slice(2), join(root, 'test', 'grammar', '*.test.yaml')];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
