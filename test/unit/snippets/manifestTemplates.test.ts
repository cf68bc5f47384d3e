import * as assert from 'node:assert/strict';
import { defaultManifestFileName, fileNameProblem, manifestTemplates, templateFileContent } from '../../../client/src/templates/manifestTemplates';
import { readSnippetFile } from '../../../client/src/templates/snippetFile';

describe('manifest templates', () => {
  it('names a file after the main kind, not the supporting ones', () => {
    assert.equal(defaultManifestFileName({ kinds: ['Pod'] }), 'pod.yaml');
    assert.equal(defaultManifestFileName({ kinds: ['Deployment', 'Service'] }), 'deployment.yaml');
    assert.equal(defaultManifestFileName({ kinds: ['PersistentVolumeClaim', 'Pod'] }), 'pod.yaml');
    assert.equal(defaultManifestFileName({ kinds: ['Service', 'StatefulSet'] }), 'statefulset.yaml');
    assert.equal(defaultManifestFileName({ kinds: ['Service'] }), 'service.yaml');
    assert.equal(defaultManifestFileName({ kinds: [] }), 'manifest.yaml');
  });

  it('accepts plain .yaml/.yml names and refuses paths and other extensions', () => {
    assert.equal(fileNameProblem('web.yaml'), undefined);
    assert.equal(fileNameProblem(' web.YML '), undefined);
    assert.ok(fileNameProblem(''));
    assert.ok(fileNameProblem('   '));
    assert.ok(fileNameProblem('../web.yaml'));
    assert.ok(fileNameProblem('sub\\web.yaml'));
    assert.ok(fileNameProblem('web.json'));
  });

  it('writes the default expansion with exactly one final newline', () => {
    assert.equal(templateFileContent('kind: ${1:Pod}\n$0'), 'kind: Pod\n');
  });

  it('reads only file templates, with the kinds and apiVersions in the detail', () => {
    const file = JSON.stringify({
      'A Pod': { prefix: ['k8s-a', 'k8s-aa'], description: 'a pod', isFileTemplate: true, body: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: ${1:a}'] },
      Fragment: { prefix: 'k8s-f', description: 'not a file', body: 'cpu: 1' },
      Pair: { prefix: 'k8s-p', description: 'two', isFileTemplate: true, body: 'apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: \'Service\' # svc' },
    });
    const templates = manifestTemplates(readSnippetFile(file));
    assert.deepEqual(templates.map((t) => [t.label, t.description, t.detail, t.kinds]), [
      ['A Pod', 'k8s-a', 'a pod — v1 Pod', ['Pod']],
      ['Pair', 'k8s-p', 'two — apps/v1 Deployment + v1 Service', ['Deployment', 'Service']],
    ]);
  });

  it('rejects snippet entries VS Code could not use', () => {
    assert.throws(() => readSnippetFile('[]'));
    assert.throws(() => readSnippetFile('{"x": {"prefix": 1, "body": "a"}}'));
    assert.throws(() => readSnippetFile('{"x": {"prefix": "p", "body": [1]}}'));
  });
});
