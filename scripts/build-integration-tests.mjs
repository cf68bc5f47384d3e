// Bundles the integration suite (test/integration) for VS Code's extension host:
// index.js (the run() entry point) and one *.test.js per suite, into out/test/integration/.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot } from './code-server.mjs';

export const integrationSourceDir = join(repoRoot, 'test', 'integration');
export const integrationOutDir = join(repoRoot, 'out', 'test', 'integration');
export const integrationEntry = join(integrationOutDir, 'index.js');

export async function buildIntegrationTests() {
  const entryPoints = readdirSync(integrationSourceDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(integrationSourceDir, name));
  rmSync(integrationOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: integrationOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return integrationEntry;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildIntegrationTests();
  console.log(`bundled the integration suite into ${integrationOutDir}`);
}
