import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis/analyze';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

function codes(text: string): string[] {
  const findings = analyze(parseManifest(text), { settings: DEFAULT_SETTINGS, onRuleFailure: (_rule, error) => { throw error; } });
  return findings.map((finding) => `${finding.code}@${text.slice(0, finding.span[0]).split('\n').length}`).sort();
}

const deployment = (annotations: string, restart = 'Never', image = 'nginx') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${annotations}spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      restartPolicy: ${restart}
      containers:
        - name: app
          image: ${image}
          resources: {requests: {cpu: 1, memory: 1Gi}}
          securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
`;

describe('suppression', () => {
  it('reports without any directive', () => {
    assert.deepEqual(codes(deployment('')), ['image-tag@15', 'invalid-restart-policy@12']);
  });

  it('# podlab-disable-next-line silences the named rules on the next line only', () => {
    const text = deployment('').replace('      restartPolicy: Never', '      # podlab-disable-next-line invalid-restart-policy -- migrating\n      restartPolicy: Never');
    assert.deepEqual(codes(text), ['image-tag@16']);
    const elsewhere = deployment('').replace('      containers:', '      # podlab-disable-next-line invalid-restart-policy\n      containers:');
    assert.deepEqual(codes(elsewhere), ['image-tag@16', 'invalid-restart-policy@12']);
  });

  it('a list of ids, and no id meaning every rule', () => {
    const listed = deployment('').replace('          image: nginx', '          # podlab-disable-next-line missing-resources, image-tag\n          image: nginx');
    assert.deepEqual(codes(listed), ['invalid-restart-policy@12']);
    const all = deployment('').replace('      restartPolicy: Never', '      # podlab-disable-next-line\n      restartPolicy: Never');
    assert.deepEqual(codes(all), ['image-tag@16']);
  });

  it('# podlab-disable silences for the whole file', () => {
    assert.deepEqual(codes(`# podlab-disable image-tag\n${deployment('')}`), ['invalid-restart-policy@13']);
    assert.deepEqual(codes(`${deployment('')}# podlab-disable\n`), []);
  });

  it('a directive inside a string is not a directive', () => {
    const text = deployment('  annotations:\n    note: "# podlab-disable"\n');
    assert.deepEqual(codes(text), ['image-tag@17', 'invalid-restart-policy@14']);
  });

  it("honours kube-linter's ignore-check annotations", () => {
    const text = deployment('  annotations:\n    ignore-check.kube-linter.io/latest-tag: "uses a floating tag on purpose"\n');
    assert.deepEqual(codes(text), ['invalid-restart-policy@14']);
  });

  it("honours Polaris' exemptions", () => {
    assert.deepEqual(codes(deployment('  annotations:\n    polaris.fairwinds.com/tagNotSpecified-exempt: "true"\n')), ['invalid-restart-policy@14']);
    assert.deepEqual(codes(deployment('  annotations:\n    polaris.fairwinds.com/tagNotSpecified-exempt: "false"\n')), ['image-tag@17', 'invalid-restart-policy@14']);
    assert.deepEqual(codes(deployment('  annotations:\n    polaris.fairwinds.com/exempt: "true"\n')), ['invalid-restart-policy@14'], 'Polaris exemptions do not silence API errors');
  });

  it("honours kube-score's ignore annotation, a comma-separated list of its check ids", () => {
    assert.deepEqual(codes(deployment('  annotations:\n    kube-score/ignore: container-image-tag\n')), ['invalid-restart-policy@14']);
    assert.deepEqual(codes(deployment('  annotations:\n    kube-score/ignore: "pod-probes, container-image-tag,cronjob-restartpolicy"\n')), []);
    assert.deepEqual(codes(deployment('  annotations:\n    kube-score/ignore: service-type\n')), ['image-tag@17', 'invalid-restart-policy@14']);
  });

  it('an annotation naming an inherited property of a plain object exempts nothing (and does not throw)', () => {
    assert.deepEqual(codes(deployment('  annotations:\n    ignore-check.kube-linter.io/constructor: x\n    polaris.fairwinds.com/toString-exempt: "true"\n')), ['image-tag@18', 'invalid-restart-policy@15']);
  });

  it('annotations exempt only their own resource', () => {
    const text = `${deployment('  annotations:\n    ignore-check.kube-linter.io/latest-tag: x\n')}---\n${deployment('', 'Always').replace('name: web', 'name: api')}`;
    assert.deepEqual(codes(text), ['image-tag@35', 'invalid-restart-policy@14']);
  });

  it('YAML syntax errors cannot be silenced', () => {
    assert.deepEqual(codes('# podlab-disable\napiVersion: v1\nkind: Pod\nmetadata: {name: [}\n').filter((code) => code.startsWith('yaml-syntax')).length > 0, true);
  });
});
