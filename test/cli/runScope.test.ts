import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { KeptParses } from '../../server/src/cli/keptParses';
import { parseManifest } from '../../server/src/parse/parseManifest';
import { holdKustomizationLookups, listedAsPatch } from '../../server/src/schema/kustomizePatch';

const manifest = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('what a lint run keeps between its index pass and its lint pass', () => {
  it('keeps the most recent parses within the text budget, each handed over once', () => {
    const kept = new KeptParses(manifest('aa').length * 2);
    const files = ['aa', 'bb', 'cc'].map((name) => parseManifest(manifest(name)));
    files.forEach((file, at) => kept.add(`file:///${at}.yaml`, file));
    assert.equal(kept.take('file:///0.yaml'), undefined);
    assert.equal(kept.take('file:///1.yaml'), files[1]);
    assert.equal(kept.take('file:///1.yaml'), undefined);
    assert.equal(kept.take('file:///2.yaml'), files[2]);
  });

  it('holds no parse larger than the budget', () => {
    const kept = new KeptParses(10);
    kept.add('file:///big.yaml', parseManifest(manifest('big')));
    assert.equal(kept.take('file:///big.yaml'), undefined);
  });

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
