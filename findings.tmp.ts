import * as fs from 'node:fs';
import { analyze } from './server/src/analysis/analyze';
import { parseManifest } from './server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from './server/src/settings';
const text = fs.readFileSync(process.argv[2], 'utf8');
const lineCol = (o: number) => { const before = text.slice(0, o).split('\n'); return `${before.length}:${before[before.length - 1].length + 1}`; };
for (const f of analyze(parseManifest(text), { settings: DEFAULT_SETTINGS, onRuleFailure: (r, e) => { throw e; } })) {
  const rel = (f as { related?: Array<{ span: [number, number]; message: string }> }).related?.map((r) => ` [related ${lineCol(r.span[0])} ${r.message}]`).join('') ?? '';
  console.log(`${lineCol(f.span[0])} ${f.severity} ${f.code}: ${f.message}${(f.fixes ?? []).map((x) => ` {fix: ${x.title}}`).join('')}${rel}`);
}
