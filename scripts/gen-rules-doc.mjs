// Writes docs/rules.md from the rules' metadata (server/src/analysis/rulesDoc.ts).
import { writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const { renderRulesDoc } = await tsImport('../server/src/analysis/rulesDoc.ts', import.meta.url);
writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('docs/rules.md written');
