import * as assert from 'node:assert/strict';
import { markdownToPlainText } from '../../../server/src/lsp/features/plainText';
import { snippetToPlainText } from '../../../server/src/lsp/features/snippetText';

describe('lsp: markdown as plain text', () => {
  const cases: Array<[string, string]> = [
    ['**restartPolicy: Always**: what the kubelet does', 'restartPolicy: Always: what the kubelet does'],
    ['[Pod lifecycle](https://kubernetes.io/docs/pods/)', 'Pod lifecycle (https://kubernetes.io/docs/pods/)'],
    ['see [https://k8s.io](https://k8s.io)', 'see https://k8s.io'],
    ['**Allowed values:** `Always`, `OnFailure`', 'Allowed values: Always, OnFailure'],
    ['## Probes\ntext', 'Probes\ntext'],
    ['```yaml\nkey: value\n```', 'key: value'],
    ['a \\* b and 2 * 3 and **/*.yaml', 'a * b and 2 * 3 and **/*.yaml'],
    ['first\n\n---\n\nsecond', 'first\n\n---\n\nsecond'],
  ];
  for (const [markdown, plain] of cases) {
    it(`${JSON.stringify(markdown)} -> ${JSON.stringify(plain)}`, () => assert.equal(markdownToPlainText(markdown), plain));
  }
});

describe('lsp: what a snippet inserts unedited', () => {
  const cases: Array<[string, string]> = [
    ['image: $0', 'image: '],
    ['restartPolicy: ${1|Always,OnFailure,Never|}', 'restartPolicy: '],
    ['livenessProbe:\n  $0', 'livenessProbe:\n  '],
    ['name: ${1:web}-${2:app}$0', 'name: web-app'],
    ['nested: ${1:a ${2:b}}', 'nested: a b'],
    ['price: \\$5 and \\} and \\\\', 'price: $5 and } and \\'],
    ['unclosed: ${1:oops', 'unclosed: ${1:oops'],
    ['ports:\n  - ${1}', 'ports:\n  - '],
  ];
  for (const [snippet, plain] of cases) {
    it(`${JSON.stringify(snippet)} -> ${JSON.stringify(plain)}`, () => assert.equal(snippetToPlainText(snippet), plain));
  }
});
