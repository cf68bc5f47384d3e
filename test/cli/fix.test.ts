import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintFile } from '../../server/src/analysis/lintFiles';
import { fixText } from '../../server/src/cli/fix';
import type { Finding } from '../../server/src/findings/finding';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { podlab, tempFolder } from './support';

const DEPLOYMENT = `# Payments API: keep this comment.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api   # the name the Service uses
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: "registry.example.com/api:2.1"    # pinned
          resources:
            requests: {cpu: 250m, memory: 256MB}
          volumeMounts:
            - {name: cahce, mountPath: /cache}
      volumes:
        - name: cache
          emptyDir: {}
`;

describe('podlab lint --fix', function () {
  this.timeout(30_000);

  it('applies the preferred fixes in place, keeps comments and formatting, and prints what it changed', async () => {
    const folder = tempFolder({ 'api.yaml': DEPLOYMENT });
    try {
      const { code, stdout } = await podlab(['lint', 'api.yaml', '--fix', '--rule', 'run-as-root=off', '--rule', 'privilege-escalation=off', '--rule', 'single-replica=off'], { cwd: folder.dir });
      const fixed = readFileSync(path.join(folder.dir, 'api.yaml'), 'utf8');
      assert.match(stdout, /^api\.yaml:19:43: fixed invalid-quantity: Change to 256M$/m);
      assert.match(stdout, /^api\.yaml:21:22: fixed undefined-volume: Mount "cache" instead$/m);
      assert.match(stdout, /^Applied \d+ fixes in 1 file\.$/m);
      assert.ok(fixed.includes('requests: {cpu: 250m, memory: 256M}'), fixed);
      assert.ok(fixed.includes('- {name: cache, mountPath: /cache}'), fixed);
      for (const kept of ['# Payments API: keep this comment.', 'name: api   # the name the Service uses', 'image: "registry.example.com/api:2.1"    # pinned']) {
        assert.ok(fixed.includes(kept), kept);
      }
      assert.doesNotMatch(stdout, /error (invalid-quantity|undefined-volume)/, 'the report is of the fixed file');
      assert.equal(code, 0, stdout);
      const again = await podlab(['lint', 'api.yaml', '--fix', '--rule', 'run-as-root=off', '--rule', 'privilege-escalation=off', '--rule', 'single-replica=off'], { cwd: folder.dir });
      assert.match(again.stdout, /^Applied 0 fixes in 0 files\.$/m);
      assert.equal(readFileSync(path.join(folder.dir, 'api.yaml'), 'utf8'), fixed);
    } finally {
      folder.remove();
    }
  });

  it('leaves a file alone when nothing has a fix', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n';
    const folder = tempFolder({ 'cm.yaml': text });
    try {
      const { code } = await podlab(['lint', '.', '--fix'], { cwd: folder.dir });
      assert.equal(code, 0);
      assert.equal(readFileSync(path.join(folder.dir, 'cm.yaml'), 'utf8'), text);
    } finally {
      folder.remove();
    }
  });

  it('does not apply a fix that would break the YAML, and still applies the others', () => {
    const lint = (text: string) => {
      const result = lintFile(text, { settings: DEFAULT_SETTINGS, onRuleFailure: () => {} });
      const at = text.indexOf('cahce');
      if (at < 0) return result;
      // A fix as a faulty rule might offer it: it opens a flow sequence it never closes.
      const breaking: Finding = { code: 'faulty', severity: 'error', message: 'x', span: [0, 0], fixes: [{ title: 'Break it', preferred: true, edits: [{ span: [0, 0], newText: 'broken: [\n' }] }] };
      return { ...result, findings: [...result.findings, breaking] };
    };
    const { text, applied } = fixText(DEPLOYMENT, lint);
    assert.ok(!text.includes('broken: ['), text);
    assert.ok(!applied.some((fix) => fix.title === 'Break it'));
    assert.ok(text.includes('name: cache, mountPath'), 'the other fixes are applied');
    assert.ok(applied.some((fix) => fix.code === 'undefined-volume'));
  });
});
