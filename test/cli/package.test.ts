import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { LspClient } from '../lsp/client';
import { REPO_ROOT, tempFolder, type JsonFinding } from './support';

/** The npm package as a user gets it: packed from this repository, installed globally (into a temporary prefix) offline. */
describe('the npm package: npm pack, then npm install -g offline', function () {
  this.timeout(240_000);
  let scratch: ReturnType<typeof tempFolder>;
  let bin: string;

  before(() => {
    scratch = tempFolder({});
    const npm = (...args: string[]) => execFileSync('npm', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // The prepack build prints its own lines before npm's JSON.
    const output = npm('pack', '--json', '--pack-destination', scratch.dir);
    const packed = JSON.parse(output.slice(output.search(/^\[/m))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const tarball = path.join(scratch.dir, packed[0].filename);
    const prefix = path.join(scratch.dir, 'prefix');
    npm('install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball);
    bin = path.join(prefix, 'bin');
  });
  after(() => scratch?.remove());

  it('installs podlab and podlab-language-server with nothing else', () => {
    assert.ok(existsSync(path.join(bin, 'podlab')));
    assert.ok(existsSync(path.join(bin, 'podlab-language-server')));
    const installed = path.join(bin, '..', 'lib', 'node_modules', 'podlab');
    assert.equal(existsSync(path.join(installed, 'node_modules')), false, 'no runtime dependency was installed');
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')).dependencies ?? {}), []);
    assert.ok(!readdirSync(installed).includes('server'), 'sources stay out of the package');
  });

  it('podlab --version and podlab lint work from the installed package', () => {
    const version = spawnSync(path.join(bin, 'podlab'), ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
    const lint = spawnSync(path.join(bin, 'podlab'), ['lint', 'examples', '--format', 'json'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(lint.status, 1, lint.stderr);
    const findings = JSON.parse(lint.stdout) as JsonFinding[];
    assert.ok(findings.some((finding) => finding.file === 'examples/mistakes.yaml' && finding.rule === 'invalid-quantity'));
    const stdin = spawnSync(path.join(bin, 'podlab'), ['lint', '-', '--quiet'], { input: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      ports: [{containerPort: 99999}]\n', encoding: 'utf8' });
    assert.equal(stdin.status, 1, stdin.stderr);
    assert.match(stdin.stdout, /^<stdin>:8:\d+: error /m);
  });

  it('podlab-language-server --stdio is the language server', async () => {
    const client = await LspClient.start({ command: [path.join(bin, 'podlab-language-server'), '--stdio'] });
    try {
      const uri = URI.file(path.join(REPO_ROOT, 'examples', 'mistakes.yaml')).toString();
      await client.open(uri, readFileSync(path.join(REPO_ROOT, 'examples', 'mistakes.yaml'), 'utf8'));
      const diagnostics = await client.waitForDiagnostics(uri, 30_000);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'invalid-quantity'));
    } finally {
      await client.stop();
    }
  });
});
