import * as assert from 'node:assert/strict';
import { isMap, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { analyze } from '../../../server/src/analysis/analyze';
import { insertPair, replaceScalar } from '../../../server/src/yaml/edits';
import type { TextEdit } from '../../../server/src/yaml/span';
import { fixKeepsYamlValid } from '../../../server/src/parse/fixKeepsYaml';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

function apply(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit');
  return text.slice(0, edit.span[0]) + edit.newText + text.slice(edit.span[1]);
}

function mapAtPath(text: string, ...path: Array<string | number>): YAMLMap {
  const node = parseDocument(text).getIn(path, true);
  assert.ok(isMap(node), `a map at ${path.join('.')}`);
  return node;
}

describe('edit builders on unusual YAML', () => {
  it('an anchor before the first key: new keys go where the entry starts, not where the key text starts', () => {
    const text = '&a apiVersion: batch/v1\nkind: CronJob';
    const root = parseDocument(text).contents as YAMLMap;
    assert.equal(apply(text, insertPair(text, root, 'spec', { schedule: '' })), '&a apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: ""');
  });

  it('a tag before the first key of a sequence item', () => {
    const text = 'containers:\n  - !!str name: nginx\n    image: nginx\n';
    const container = mapAtPath(text, 'containers', 0);
    assert.equal(apply(text, insertPair(text, container, 'resources', {})), 'containers:\n  - !!str name: nginx\n    image: nginx\n    resources: {}\n');
  });

  it('an explicit key (`?`) whose key is a map: the entry starts at the `?`', () => {
    const text = 'ports:\n  - ? containerPort: 80\n      hostPort: 8080\n';
    const port = mapAtPath(text, 'ports', 0);
    assert.equal(apply(text, insertPair(text, port, 'containerPort', 0)), 'ports:\n  - ? containerPort: 80\n      hostPort: 8080\n    containerPort: 0\n');
  });

  it('an explicit key with no `:` ends at the key, not at a `:` further on', () => {
    const text = 'a:\n  ? b\nc: 1\n';
    const inner = mapAtPath(text, 'a');
    assert.equal(apply(text, insertPair(text, inner, 'd', 2)), 'a:\n  ? b\n  d: 2\nc: 1\n');
  });

  it('no insertion where the parser left text after the map out of its tree (a list under an explicit key)', () => {
    const text = 'spec:\n  restartPolicy: Never\n  ? containers:\n  - name: hello\n    i\n---\nkind: Pod\n';
    const spec = mapAtPath(text, 'spec');
    assert.equal(insertPair(text, spec, 'containers', []), undefined);
  });

  it('lines with only a comment or a byte order mark before the indentation do not stop an insertion', () => {
    const text = 'a:\n  b: 1\n    # note\n\uFEFFc: 2\n';
    assert.equal(apply(text, insertPair(text, mapAtPath(text, 'a'), 'd', 3)), 'a:\n  b: 1\n  d: 3\n    # note\n\uFEFFc: 2\n');
  });

  it('a plain scalar folded over lines is replaced by a double-quoted one when the new value holds a line break', () => {
    const text = 'image: nginx\n\n  more\nnext: 1\n';
    const doc = parseDocument(text);
    const node = doc.get('image', true) as Scalar;
    const replaced = apply(text, replaceScalar(node, `${String(node.value)}:v1`));
    assert.equal(replaced, 'image: "nginx\\nmore:v1"\nnext: 1\n');
    assert.deepEqual(parseDocument(replaced).toJS(), { image: 'nginx\nmore:v1', next: 1 });
  });
});

/** Texts the fuzzers found where fixes broke the YAML; the builders must not need the store's check on them. */
const OUTSIDE_THE_TREE = 4;
const UNUSUAL = [
  '&a apiVersion: batch/v1\nkind: CronJob',
  'apiVersion: v1\r\r\nkind: Pod\r\r\nmetadata:\r\r\n  name: nginx\r\r\nspec:\r\r\n  containers:\r\r\n  - name: nginx \r\r\n    image: nginx\r\r\n    ports: \r\r\n    - ? containerPort: 80\r\r\n      hostPort: 8080\r\r\n',
  'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: nginx\r\nspec:\r\n  hostIPC: true\r\n  containers:\r\n  - name: nginx \r\n  - !!str ame: nginx \r\n    image: nginx',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n    ports:\n    - containerPort: 80\n    securityContext:\n     ?  privileged: true\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello-world\n  namespace: two\nspec:\n  restartPolicy: Never\n  ? containers:\n  - name: hello\n    i\n---\napiVersion: v1\nkind: Pod\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: exclusive-1\nspec:\n  containers:\n  - image: quay.io/connordoyle/cpuset-visualizer\n    name: exclusive-1\n    :resources:\n      requests:\n        cpu: 1\n        memory: "256M"\n      limits:\n      ?  cpu: 1\n        memory: "256M"\n        memory: "256M"\n',
];

describe('fixes on unusual YAML, before the store checks them', () => {
  for (const text of UNUSUAL.filter((_, index) => index !== OUTSIDE_THE_TREE)) {
    it(`every fix keeps the YAML valid: ${JSON.stringify(text.slice(0, 60))}...`, () => {
      const file = parseManifest(text);
      const fixes = analyze(file, { settings: DEFAULT_SETTINGS, onRuleFailure: (rule, error) => { throw error; } }).flatMap((finding) => finding.fixes ?? []);
      assert.ok(fixes.length > 0, 'some fix is offered');
      for (const fix of fixes) assert.ok(fixKeepsYamlValid(file, fix), `"${fix.title}" keeps the YAML valid: ${JSON.stringify(fix.edits)}`);
    });
  }
  it('a list the parser leaves out of its tree: no "Add containers" (it would land before that list), other fixes stay', () => {
    const file = parseManifest(UNUSUAL[OUTSIDE_THE_TREE]);
    const titles = analyze(file, { settings: DEFAULT_SETTINGS, onRuleFailure: () => undefined }).flatMap((finding) => finding.fixes ?? []).map((fix) => fix.title);
    assert.ok(!titles.includes('Add "containers"'), titles.join(', '));
    for (const fix of analyze(file, { settings: DEFAULT_SETTINGS, onRuleFailure: () => undefined }).flatMap((finding) => finding.fixes ?? [])) assert.ok(fixKeepsYamlValid(file, fix), fix.title);
  });
});
