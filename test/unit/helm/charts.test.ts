import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeText } from '../hostile/support';

const FIXTURES = join(__dirname, '../../fixtures/helm');
const CORPUS_TEMPLATES = '/work/shared/corpus/_templated';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const CHARTS = files(FIXTURES).filter((path) => path.endsWith('/Chart.yaml')).map((path) => join(path, '..'));
const uriOf = (path: string) => `file://${path}`;

/** `path:line code` of every error and warning of a file, as the server would publish them. */
function problems(path: string, text = readFileSync(path, 'utf8')): string[] {
  const analysed = analyzeText(text, undefined, uriOf(path));
  assert.deepEqual(analysed.ruleFailures, [], path);
  return analysed.diagnostics
    .filter((d) => d.severity === 1 || d.severity === 2)
    .map((d) => `${relative(FIXTURES, path)}:${d.range.start.line + 1} ${d.code}`);
}

function errors(path: string, text?: string): string[] {
  const analysed = analyzeText(text ?? readFileSync(path, 'utf8'), undefined, uriOf(path));
  return analysed.diagnostics.filter((d) => d.severity === 1).map((d) => `${relative(FIXTURES, path)}:${d.range.start.line + 1} ${d.code}`);
}

/** The one real mistake in these charts (see test/fixtures/helm/SOURCES.md). */
const REAL_MISTAKES = ['bitnami__charts/redis/templates/sentinel/statefulset.yaml:245 unknown-field'];

describe('Helm templates: whole public charts', () => {
  it('has the charts it claims (with values, helpers and notes beside the templates)', () => {
    assert.equal(CHARTS.length, 4);
    for (const chart of CHARTS) {
      const names = readdirSync(join(chart, 'templates'));
      assert.ok(names.includes('_helpers.tpl'), chart);
      assert.ok(readdirSync(chart).includes('values.yaml'), chart);
    }
  });

  for (const chart of CHARTS) {
    it(`reports no error on ${relative(FIXTURES, chart)} but its real mistakes`, () => {
      const templates = files(join(chart, 'templates')).filter((path) => /\.ya?ml$/.test(path));
      assert.ok(templates.length >= 10);
      const found = templates.flatMap((path) => errors(path));
      assert.deepEqual(found, REAL_MISTAKES.filter((mistake) => mistake.startsWith(relative(FIXTURES, chart))));
    });

    it(`says nothing wrong about ${relative(FIXTURES, chart)}'s helpers, notes, values and Chart.yaml`, () => {
      const others = files(chart).filter((path) => /(_helpers\.tpl|NOTES\.txt|values\.yaml|Chart\.yaml)$/.test(path));
      assert.ok(others.length >= 4);
      assert.deepEqual(others.flatMap((path) => problems(path)), []);
    });
  }

  it('reports no error on the templated files of the shared corpus', () => {
    const found = files(CORPUS_TEMPLATES).filter((path) => /\.ya?ml$/.test(path)).flatMap((path) => errors(path));
    assert.deepEqual(found, []);
  });
});

interface Plant {
  file: string;
  from: string;
  to: string;
  code: string;
  message: RegExp;
}

const PLANTS: Plant[] = [
  { file: 'bitnami__charts/nginx/templates/deployment.yaml', from: '      containers:\n', to: '      contaners:\n', code: 'unknown-field', message: /Did you mean "containers"\?/ },
  { file: 'prometheus-community__helm-charts/kube-state-metrics/templates/deployment.yaml', from: '      serviceAccountName:', to: '      serviceAcountName:', code: 'unknown-field', message: /Did you mean "serviceAccountName"\?/ },
  { file: 'prometheus-community__helm-charts/prometheus-node-exporter/templates/daemonset.yaml', from: '              protocol: TCP', to: '              protocol: TPC', code: 'invalid-enum', message: /"TPC" is not a valid protocol/ },
  { file: 'bitnami__charts/redis/templates/sentinel/statefulset.yaml', from: '      serviceAccountName:', to: '      activeDeadlineSeconds: soon\n      serviceAccountName:', code: 'invalid-type', message: /activeDeadlineSeconds must be an integer/ },
];

describe('Helm templates: mistakes planted in real charts are caught at their lines', () => {
  for (const { file, from, to, code, message } of PLANTS) {
    it(`${code} in ${file}`, () => {
      const path = join(FIXTURES, file);
      const original = readFileSync(path, 'utf8');
      const at = original.indexOf(from);
      assert.ok(at >= 0, `${from} is in ${file}`);
      const planted = original.slice(0, at) + to + original.slice(at + from.length);
      const line = original.slice(0, at + from.search(/\S/)).split('\n').length;
      const analysed = analyzeText(planted, undefined, uriOf(path));
      const before = new Set(analyzeText(original, undefined, uriOf(path)).diagnostics.map((d) => `${d.code} ${d.message}`));
      const added = analysed.diagnostics.filter((d) => d.severity === 1 && !before.has(`${d.code} ${d.message}`));
      assert.equal(added.length, 1, added.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`).join('\n'));
      assert.equal(added[0].code, code);
      assert.equal(added[0].range.start.line + 1, line);
      assert.match(String(added[0].message), message);
    });
  }
});
