import * as fs from 'node:fs';
import * as path from 'node:path';

/** The shared corpus of real-world manifests, beside the checkout (../shared/corpus). */
export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');

/** Files the corpus' EXPECTED.md says are meant to be invalid (relative to CORPUS_DIR). */
export const MEANT_TO_BE_BROKEN = new Set([
  'FairwindsOps__polaris/pkg/kube/test_files/test_3/bad.yaml',
  'yannh__kubeconform/fixtures/duplicate_property.yaml',
  'yannh__kubeconform/fixtures/extra_property.yaml',
  'yannh__kubeconform/fixtures/invalid.yaml',
  'yannh__kubeconform/fixtures/list_invalid.yaml',
  'yannh__kubeconform/fixtures/missing_apiversion.yaml',
  'yannh__kubeconform/fixtures/missing_kind_value.yaml',
  'yannh__kubeconform/fixtures/multi_invalid.yaml',
  'yannh__kubeconform/fixtures/multi_invalid_resources.yaml',
  'yannh__kubeconform/fixtures/unconventional_keys.yaml',
]);

export function corpusFiles(): string[] {
  if (!fs.existsSync(CORPUS_DIR)) throw new Error(`The corpus is missing: expected ${CORPUS_DIR} (../shared beside the checkout).`);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(path.relative(CORPUS_DIR, full).split(path.sep).join('/'));
    }
  };
  walk(CORPUS_DIR);
  return files.sort();
}
