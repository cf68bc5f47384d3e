import * as assert from 'node:assert/strict';
import { fixKeepsYamlValid } from '../../../server/src/parse/fixKeepsYaml';
import { parseManifest } from '../../../server/src/parse/parseManifest';

const TEXT = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: "broken\n';

describe('fixKeepsYamlValid', () => {
  const file = parseManifest(TEXT);
  const at = TEXT.indexOf('      image: nginx') + '      image: nginx'.length;

  it('accepts a fix that leaves the document parsing', () => {
    assert.equal(fixKeepsYamlValid(file, { title: 'ok', edits: [{ span: [at, at], newText: '\n      imagePullPolicy: Always' }] }), true);
  });

  it('rejects a fix whose indentation breaks the document, counting the lines after the edit', () => {
    assert.equal(fixKeepsYamlValid(file, { title: 'bad', edits: [{ span: [at, at], newText: '\n     imagePullPolicy: Always' }] }), false);
    const name = TEXT.indexOf('web');
    assert.equal(fixKeepsYamlValid(file, { title: 'bad', edits: [{ span: [name, name + 3], newText: 'a: b: c' }] }), false);
  });

  it('rejects a fix that would start a new document', () => {
    assert.equal(fixKeepsYamlValid(file, { title: 'split', edits: [{ span: [at, at], newText: '\n---\nkind: X' }] }), false);
  });

  it('makes no claim about a document that was already broken', () => {
    const broken = TEXT.indexOf('ConfigMap');
    assert.equal(fixKeepsYamlValid(file, { title: 'any', edits: [{ span: [broken, broken], newText: '[' }] }), true);
  });
});

describe('fixKeepsYamlValid: fixes that add a document after the last one', () => {
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
  const claim = '---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n';

  it('accepts a new document appended at the end of the file (issue 11: the pvc-not-found fix was refused)', () => {
    const file = parseManifest(POD);
    assert.equal(fixKeepsYamlValid(file, { title: 'create', edits: [{ span: [POD.length, POD.length], newText: claim }] }), true);
    const unterminated = POD.trimEnd();
    assert.equal(fixKeepsYamlValid(parseManifest(unterminated), { title: 'create', edits: [{ span: [unterminated.length, unterminated.length], newText: `\n${claim}` }] }), true);
  });

  it('still rejects an appended document that does not parse, or a marker that splits a document', () => {
    const file = parseManifest(POD);
    assert.equal(fixKeepsYamlValid(file, { title: 'broken', edits: [{ span: [POD.length, POD.length], newText: '---\nmetadata: {name: "x\n' }] }), false);
    const inside = POD.indexOf('spec:');
    assert.equal(fixKeepsYamlValid(file, { title: 'split', edits: [{ span: [inside, inside], newText: '---\n' }] }), false);
  });
});
