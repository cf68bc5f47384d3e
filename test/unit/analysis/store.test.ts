import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ManifestStore } from '../../../server/src/analysis/store';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  restartPolicy: Always\n  containers:\n    - name: a\n      image: nginx:1.27\n';

describe('ManifestStore: one parse per document version', () => {
  const store = () => new ManifestStore(() => ({ settings: DEFAULT_SETTINGS, onRuleFailure: (_rule, error) => { throw error; } }));

  it('serves every feature of a version from one parse', () => {
    const manifests = store();
    const document = TextDocument.create('file:///a.yaml', 'yaml', 1, POD);
    manifests.file(document);
    manifests.findings(document);
    manifests.findings(document);
    manifests.file(document);
    assert.equal(manifests.parseCount, 1);
  });

  it('parses again only when the version changes', () => {
    const manifests = store();
    const document = TextDocument.create('file:///a.yaml', 'yaml', 1, POD);
    manifests.findings(document);
    TextDocument.update(document, [{ text: POD.replace('name: a', 'name: b') }], 2);
    assert.equal(manifests.file(document).resources[0].name, 'b');
    manifests.findings(document);
    assert.equal(manifests.parseCount, 2);
  });

  it('keeps the parse but recomputes findings when settings change', () => {
    let settings = DEFAULT_SETTINGS;
    const manifests = new ManifestStore(() => ({ settings, onRuleFailure: () => undefined }));
    const text = POD.replace('restartPolicy: Always', 'restartPolicy: Always\n  initContainers:\n    - name: i\n      image: busybox:1\n      restartPolicy: Never');
    const document = TextDocument.create('file:///b.yaml', 'yaml', 1, text);
    assert.ok(manifests.findings(document).some((f) => f.code === 'invalid-restart-policy'));
    settings = { ...DEFAULT_SETTINGS, rules: { 'invalid-restart-policy': 'off' } };
    manifests.invalidateFindings();
    assert.ok(!manifests.findings(document).some((f) => f.code === 'invalid-restart-policy'));
    assert.equal(manifests.parseCount, 1);
  });

  it('after a workspace change drops only the analyses that read the workspace', () => {
    const manifests = store();
    const documents = [
      TextDocument.create('file:///pod.yaml', 'yaml', 1, POD),
      TextDocument.create('file:///values.yaml', 'yaml', 1, 'replicas: 2\nimage: nginx\n'),
      TextDocument.create('file:///chart.yaml', 'yaml', 1, `${POD}  labels: {{ .Values.labels }}\n`),
    ];
    const before = documents.map((document) => manifests.findings(document));
    assert.deepEqual(manifests.invalidateWorkspaceFindings(), ['file:///pod.yaml']);
    const after = documents.map((document) => manifests.findings(document));
    assert.notEqual(after[0], before[0]);
    assert.deepEqual(after[0], before[0]);
    assert.equal(after[1], before[1]);
    assert.equal(after[2], before[2]);
    assert.equal(manifests.parseCount, 3);
  });
});
