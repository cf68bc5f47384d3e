import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { ruleCatalog } from '../../server/src/analysis/ruleCatalog';
import { RULES } from '../../server/src/rules';
import { SCHEMA_CODES } from '../../server/src/schema/codes';
import { FIXTURES, podlab, tempFolder, type JsonFinding } from './support';

const WORKSPACE = path.join(FIXTURES, 'workspace');
const DEPLOYMENT = 'test/cli/fixtures/workspace/app/deployment.yaml';

/** The published SARIF 2.1.0 schema (vendored, see fixtures/sarif/README.md) compiled with Ajv, formats included. */
function sarifValidator() {
  const { $schema: _draft, id: _id, ...schema } = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value));
  return ajv.compile(schema);
}

describe('podlab lint output formats', function () {
  this.timeout(60_000);

  it('text: path:line:col: severity rule message, then a summary line', async () => {
    const { code, stdout } = await podlab(['lint', WORKSPACE]);
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.ok(lines.includes(`${DEPLOYMENT}:31:23: error invalid-quantity "128MB" is not a Kubernetes quantity (memory in the requests of the container "web"): write a number with a suffix such as 500m, 128Mi, 1Gi or 1G.`), stdout);
    assert.match(lines.at(-1)!, /^\d+ problems \(\d+ errors, \d+ warnings, \d+ information, \d+ hints\) in 6 files\.$/);
    for (const line of lines.slice(0, -1)) assert.match(line, /^[^:]+:\d+:\d+: (error|warning|information|hint) [a-z-]+ \S/);
  });

  it('json: one object per finding with 1-based positions, end exclusive, and whether a fix exists', async () => {
    const { stdout } = await podlab(['lint', WORKSPACE, '--format', 'json']);
    const findings = JSON.parse(stdout) as JsonFinding[];
    const quantity = findings.find((f) => f.rule === 'invalid-quantity')!;
    assert.deepEqual({ ...quantity, message: undefined, docsUrl: undefined }, {
      file: DEPLOYMENT, line: 31, column: 23, endLine: 31, endColumn: 28, severity: 'error', rule: 'invalid-quantity', message: undefined, fixAvailable: true, docsUrl: undefined,
    });
    const text = readFileSync(path.join(WORKSPACE, 'app/deployment.yaml'), 'utf8').split('\n')[30];
    assert.equal(text.slice(quantity.column - 1, quantity.endColumn - 1), '128MB');
    assert.ok(findings.some((f) => f.file.endsWith('widget.yaml') && f.rule === 'unknown-field'));
  });

  it('github: workflow commands with file, line, col, endLine, endColumn and title', async () => {
    const { stdout } = await podlab(['lint', WORKSPACE, '--format', 'github']);
    const lines = stdout.trimEnd().split('\n');
    assert.ok(lines.includes(`::error file=${DEPLOYMENT},line=31,col=23,endLine=31,endColumn=28,title=podlab(invalid-quantity)::"128MB" is not a Kubernetes quantity (memory in the requests of the container "web"): write a number with a suffix such as 500m, 128Mi, 1Gi or 1G.`), stdout);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=podlab\([a-z-]+\)::/);
    assert.ok(lines.some((line) => line.startsWith('::notice ')), 'information and hints are notices');
  });

  it('github: escapes what would end a property or a command', async () => {
    const folder = tempFolder({ 'a,b:c%.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:latest\n' });
    try {
      const { stdout } = await podlab(['lint', '.', '--format', 'github'], { cwd: folder.dir });
      assert.match(stdout, /file=a%2Cb%3Ac%25\.yaml,/);
    } finally {
      folder.remove();
    }
  });

  it('sarif: valid against the published SARIF 2.1.0 schema, every rule with its help URI, exact regions', async () => {
    const { stdout } = await podlab(['lint', WORKSPACE, '--format', 'sarif']);
    const validate = sarifValidator();
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors, null, 2));
    const log = JSON.parse(stdout);
    const driver = log.runs[0].tool.driver;
    const ids = driver.rules.map((rule: { id: string }) => rule.id);
    for (const id of [...RULES.map((rule) => rule.meta.id), ...SCHEMA_CODES.map((meta) => meta.id), 'yaml-syntax']) assert.ok(ids.includes(id), id);
    assert.equal(ids.length, ruleCatalog().length);
    for (const rule of driver.rules) assert.match(rule.helpUri, /^https:\/\/.+#[a-z-]+$/);
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'invalid-quantity');
    assert.equal(driver.rules[result.ruleIndex].id, 'invalid-quantity');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: DEPLOYMENT, uriBaseId: '%SRCROOT%' },
      region: { startLine: 31, startColumn: 23, endLine: 31, endColumn: 28 },
    });
    assert.equal(result.level, 'error');
  });

  it('sarif: the schema check catches a broken log (the validator is not a formality)', () => {
    const validate = sarifValidator();
    const broken = { version: '2.1.0', runs: [{ tool: { driver: { name: 'podlab' } }, results: [{ message: { text: 'x' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] };
    assert.equal(validate(broken), false);
  });

  it('several formats at once: one to standard output, the others to files', async () => {
    const folder = tempFolder({});
    try {
      const sarifFile = path.join(folder.dir, 'out.sarif');
      const jsonFile = path.join(folder.dir, 'out.json');
      const { code, stdout } = await podlab(['lint', WORKSPACE, '--format', 'github', '--format', `sarif=${sarifFile}`, '-f', `json=${jsonFile}`]);
      assert.equal(code, 1);
      assert.match(stdout, /^::error /m);
      assert.equal(JSON.parse(readFileSync(sarifFile, 'utf8')).version, '2.1.0');
      const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as JsonFinding[];
      assert.equal(json.length, stdout.trimEnd().split('\n').length);
    } finally {
      folder.remove();
    }
  });
});
