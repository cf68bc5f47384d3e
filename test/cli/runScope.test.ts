import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { holdKustomizationLookups, listedAsPatch } from '../../server/src/schema/kustomizePatch';
import { FIXTURES, podlab, type JsonFinding } from './support';

const manifest = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('what a lint run finds in files linted before the files they refer to', () => {
  it('gives each file the findings of the complete workspace (CRDs, claims, ConfigMap keys, selected pods, duplicates)', async () => {
    const { code, stdout } = await podlab(['lint', path.join(FIXTURES, 'forward-references'), '--format', 'json']);
    assert.equal(code, 1);
    const found = (JSON.parse(stdout) as JsonFinding[])
      .filter((finding) => !['missing-resources', 'run-as-root', 'privilege-escalation', 'missing-liveness-probe'].includes(finding.rule))
      .map((finding) => `${path.basename(finding.file)}:${finding.line} ${finding.rule}`);
    assert.deepEqual(found, [
      // Only the CRD of z-defs/z-crd.yaml, a folder linted later, says what a Widget's size is.
      'a-widget.yaml:7 invalid-type',
      // The claim and the ConfigMap exist (z-defs/z-storage.yaml); the key does not.
      'b-pod.yaml:15 config-ref-not-found',
      'c-config.yaml:5 duplicate-resource',
      // The Service of a-apps/a-service.yaml sends it traffic: no service-no-match or service-target-port there.
      'z-deployment.yaml:17 missing-readiness-probe',
      'z-storage.yaml:21 duplicate-resource',
    ]);
  });
});

describe('what a lint run holds for its whole length', () => {
  it('looks a kustomization up once while lookups are held, and at the disk again once released', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'podlab-hold-'));
    try {
      mkdirSync(path.join(root, 'patches'));
      const patch = path.join(root, 'patches', 'replicas.yaml');
      writeFileSync(patch, manifest('p'));
      const uri = pathToFileURL(patch).toString();
      const release = holdKustomizationLookups();
      assert.equal(listedAsPatch(uri), false);
      writeFileSync(path.join(root, 'kustomization.yaml'), 'patches:\n  - path: patches/replicas.yaml\n');
      assert.equal(listedAsPatch(uri), false, 'the held answer stands for the run');
      release();
      assert.equal(listedAsPatch(uri), true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
