import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { podlab, tempFolder } from './support';

const POD = (name: string, image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: ${image}
`;
const PDB = `apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
`;

const rulesOf = (stdout: string, file: string) => stdout.split('\n').filter((line) => line.startsWith(`${file}:`)).map((line) => line.split(' ')[2]);

describe('podlab lint reads .podlab.yaml', function () {
  this.timeout(30_000);
  let repo: ReturnType<typeof tempFolder>;
  before(() => {
    repo = tempFolder({
      '.podlab.yaml': 'kubernetesVersion: "1.24"\nrules:\n  image-tag: off\n  run-as-root: off\n  privilege-escalation: off\n  missing-resources: off\nignore:\n  - generated/**\n  - "*.skip.yaml"\n',
      'pdb.yaml': PDB,
      'pod.yaml': POD('a', 'nginx:latest'),
      'generated/pod.yaml': POD('b', 'nginx:latest'),
      'other.skip.yaml': POD('c', 'nginx:latest'),
      'team/.podlab.yaml': 'rules:\n  image-tag: error\n',
      'team/pod.yaml': POD('d', 'nginx:latest'),
      'strict.yaml': 'rules:\n  image-tag: hint\n  missing-resources: off\n',
      'bad/.podlab.yaml': 'kubernetesVersion: latest\nrules:\n  image-tag: loud\nexclude: [x]\n',
      'bad/pod.yaml': POD('e', 'nginx:1.27'),
    });
  });
  after(() => repo.remove());
  const run = (...args: string[]) => podlab(args, { cwd: repo.dir });

  it('applies its rules and kubernetesVersion, and skips what it ignores', async () => {
    const { stdout } = await run('lint', 'pdb.yaml', 'pod.yaml', 'generated', 'other.skip.yaml', '--fail-on', 'hint');
    assert.deepEqual(rulesOf(stdout, 'pod.yaml'), [], stdout);
    assert.deepEqual(rulesOf(stdout, 'pdb.yaml'), [], 'policy/v1beta1 is still served in 1.24');
    assert.doesNotMatch(stdout, /generated\/pod\.yaml|other\.skip\.yaml/);
    assert.match(stdout, /in 2 files\.$/m);
  });

  it('without it, the same files have those findings', async () => {
    const { stdout } = await run('lint', 'pdb.yaml', 'pod.yaml', '--config', 'strict.yaml', '--fail-on', 'hint');
    assert.ok(rulesOf(stdout, 'pdb.yaml').includes('removed-api-version'), stdout);
    assert.deepEqual(rulesOf(stdout, 'pod.yaml').filter((rule) => rule === 'image-tag'), ['image-tag']);
    assert.match(stdout, /pod\.yaml:\d+:\d+: hint image-tag /, '--config replaces the .podlab.yaml found upward');
  });

  it('the nearest .podlab.yaml above each file applies, also when linting from elsewhere', async () => {
    const { code, stdout } = await podlab(['lint', path.join(repo.dir, 'team', 'pod.yaml')], { cwd: path.dirname(repo.dir) });
    assert.equal(code, 1);
    assert.match(stdout, /team\/pod\.yaml:8:14: error image-tag /);
  });

  it('flags override it: --rule and --kubernetes-version', async () => {
    const { stdout } = await run('lint', 'pdb.yaml', 'pod.yaml', '--rule', 'image-tag=warning', '--kubernetes-version', '1.25');
    assert.deepEqual(rulesOf(stdout, 'pod.yaml'), ['image-tag']);
    assert.deepEqual(rulesOf(stdout, 'pdb.yaml'), ['removed-api-version']);
  });

  it('a .podlab.yaml with mistakes stops the run with exit code 2 and says what is wrong', async () => {
    const { code, stderr, stdout } = await run('lint', 'bad');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /bad\/\.podlab\.yaml: unknown key "exclude"/);
    assert.match(stderr, /bad\/\.podlab\.yaml: kubernetesVersion must look like "1\.33", not "latest"/);
    assert.match(stderr, /bad\/\.podlab\.yaml: rules\.image-tag: "loud" is not one of error, warning, information, hint, off/);
  });
});

describe('podlab lint - (standard input)', function () {
  this.timeout(30_000);

  it('lints standard input, named by --stdin-filename, configured from where that name lies', async () => {
    const repo = tempFolder({ '.podlab.yaml': 'rules:\n  image-tag: error\n' });
    try {
      const { code, stdout } = await podlab(['lint', '-', '--stdin-filename', 'rendered.yaml', '--quiet'], { cwd: repo.dir, stdin: POD('s', 'nginx') });
      assert.equal(code, 1);
      assert.match(stdout, /^rendered\.yaml:8:14: error image-tag Image "nginx" has no tag/m);
    } finally {
      repo.remove();
    }
  });

  it('without a name it is <stdin>; binary input is refused with exit code 2', async () => {
    const { stdout } = await podlab(['lint', '-', '--rule', 'image-tag=error', '--quiet'], { stdin: POD('s', 'nginx') });
    assert.match(stdout, /^<stdin>:8:14: error image-tag/m);
    const binary = await podlab(['lint', '-'], { stdin: Buffer.from([0, 1, 2]) });
    assert.equal(binary.code, 2);
    assert.match(binary.stderr, /<stdin>: binary file/);
  });

  it('--fix is refused on standard input', async () => {
    const { code, stderr } = await podlab(['lint', '-', '--fix'], { stdin: POD('s', 'nginx') });
    assert.equal(code, 2);
    assert.match(stderr, /--fix cannot write back to standard input/);
  });
});
