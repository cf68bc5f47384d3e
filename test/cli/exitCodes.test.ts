import * as assert from 'node:assert/strict';
import { podlab, tempFolder } from './support';

const CLEAN_POD = `apiVersion: v1
kind: Pod
metadata:
  name: clean
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: registry.example.com/app:1.2.3
      securityContext:
        allowPrivilegeEscalation: false
      resources:
        requests: { cpu: 100m, memory: 64Mi }
        limits: { memory: 64Mi }
`;
const WARNED_POD = CLEAN_POD.replace('app:1.2.3', 'app:latest');
const BROKEN_POD = CLEAN_POD.replace('memory: 64Mi }\n        limits', 'memory: 64MB }\n        limits');

describe('podlab exit codes and messages', function () {
  this.timeout(30_000);
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder({
      'clean.yaml': CLEAN_POD,
      'warned.yaml': WARNED_POD,
      'broken.yaml': BROKEN_POD,
      'binary.yaml': Buffer.from([0x61, 0x70, 0x69, 0x00, 0x01, 0x02]),
      'latin1.yaml': Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xe9\n', 'latin1'),
      'notes.txt': 'not a manifest',
    });
  });
  after(() => folder.remove());
  const run = (...args: string[]) => podlab(args, { cwd: folder.dir });

  it('0 for a clean file, with a summary', async () => {
    const { code, stdout, stderr } = await run('lint', 'clean.yaml');
    assert.equal(code, 0, stdout + stderr);
    assert.equal(stdout, 'No problems found in 1 file.\n');
  });

  it('0 for warnings under the default --fail-on error, 1 with --fail-on warning', async () => {
    assert.equal((await run('lint', 'warned.yaml')).code, 0);
    assert.equal((await run('lint', 'warned.yaml', '--fail-on', 'warning')).code, 1);
    assert.equal((await run('lint', 'clean.yaml', '--fail-on', 'hint')).code, 0);
  });

  it('1 for an error', async () => {
    const { code, stdout } = await run('lint', 'broken.yaml');
    assert.equal(code, 1);
    assert.match(stdout, /^broken\.yaml:\d+:\d+: error invalid-quantity /m);
  });

  it('--rule turns a finding off or changes its severity', async () => {
    assert.equal((await run('lint', 'broken.yaml', '--rule', 'invalid-quantity=off')).code, 0);
    const { code, stdout } = await run('lint', 'warned.yaml', '--rule', 'image-tag=error');
    assert.equal(code, 1);
    assert.match(stdout, /error image-tag /);
  });

  it('--quiet shows only what is at or above --fail-on, without a summary', async () => {
    const { code, stdout } = await run('lint', 'warned.yaml', 'broken.yaml', '--quiet');
    assert.equal(code, 1);
    assert.deepEqual(stdout.trimEnd().split('\n').map((line) => line.split(' ')[1]), ['error']);
    assert.equal((await run('lint', 'warned.yaml', '--quiet')).stdout, '');
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['a missing path', ['lint', 'nowhere.yaml'], /^podlab: nowhere\.yaml: no such file or folder$/m],
    ['an unknown flag', ['lint', '--frobnicate'], /Unknown option '--frobnicate'/],
    ['an unknown command', ['check', '.'], /Unknown command "check"/],
    ['no command', [], /No command given/],
    ['a bad --fail-on', ['lint', '--fail-on', 'fatal'], /--fail-on fatal: expected one of error, warning, information, hint/],
    ['a bad --format', ['lint', '--format', 'xml'], /--format xml: expected one of text, json, sarif, github/],
    ['two formats on standard output', ['lint', '--format', 'json', '--format', 'sarif'], /Only one --format may go to standard output/],
    ['a bad --rule', ['lint', '--rule', 'image-tag'], /--rule image-tag: expected RULE-ID=SEVERITY/],
    ['an unknown rule id', ['lint', '--rule', 'imag-tag=off'], /unknown rule id "imag-tag"/],
    ['a bad --kubernetes-version', ['lint', '--kubernetes-version', 'v1.30'], /--kubernetes-version v1\.30: expected a release like 1\.33/],
    ['a missing --config file', ['lint', '--config', 'none.yaml'], /--config none\.yaml: no such file/],
    ['a binary file', ['lint', 'binary.yaml'], /^podlab: binary\.yaml: binary file \(it holds NUL bytes\), not YAML$/m],
    ['a file that is not UTF-8', ['lint', 'latin1.yaml'], /^podlab: latin1\.yaml: not UTF-8 text/m],
  ];
  for (const [what, args, message] of usage) {
    it(`2 for ${what}, with a message`, async () => {
      const { code, stdout, stderr } = await run(...args);
      assert.equal(code, 2, stderr);
      assert.match(stderr, message);
      assert.doesNotMatch(stdout, /No problems found/);
    });
  }

  it('a folder lints its YAML files, and an unreadable one among them still gives 2 after the others are reported', async () => {
    const { code, stdout, stderr } = await run('lint', '.');
    assert.equal(code, 2);
    assert.match(stderr, /binary\.yaml: binary file/);
    assert.match(stdout, /broken\.yaml:\d+:\d+: error invalid-quantity/);
    assert.doesNotMatch(stdout, /notes\.txt/);
  });

  it('--help lists the flags with examples; --version prints the version', async () => {
    const help = await run('--help');
    assert.equal(help.code, 0);
    for (const flag of ['--format', '--fail-on', '--rule', '--kubernetes-version', '--config', '--fix', '--quiet', '--stdin-filename', 'Examples:']) assert.ok(help.stdout.includes(flag), flag);
    const version = await run('--version');
    assert.equal(version.code, 0);
    assert.equal(version.stdout, `${(await import('../../package.json')).version}\n`);
  });
});
