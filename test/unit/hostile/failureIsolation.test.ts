import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { logEachFailureOnce } from '../../../server/src/analysis/failureLog';
import { runRules } from '../../../server/src/analysis/runRules';
import { hover } from '../../../server/src/lsp/features/hover';
import { standaloneContext } from '../../../server/src/lsp/context';
import { HOVER_PROVIDERS } from '../../../server/src/hovers';
import type { HoverProvider } from '../../../server/src/hovers/types';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { RULES } from '../../../server/src/rules';
import type { Rule } from '../../../server/src/rules/types';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      restartPolicy: Never
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: other
spec:
  restartPolicy: Always
  containers:
    - name: app
      image: busybox:1.36
`;

/** A rule with a bug: it throws on every resource. */
const THROWING_RULE: Rule = {
  meta: { id: 'always-throws', severity: 'error', category: 'best-practice', description: 'Throws.', docsUrl: 'https://example.invalid/', fixable: false },
  check() { throw new TypeError('Cannot read properties of undefined'); },
};

const THROWING_HOVER: HoverProvider = {
  id: 'always-throws',
  provide() { throw new RangeError('boom'); },
};

describe('hostile input: a part that throws is isolated', () => {
  it('a throwing rule loses only its own findings; every other rule still reports', () => {
    const file = parseManifest(TEXT);
    const failures: string[] = [];
    const alone = runRules(file, DEFAULT_SETTINGS, () => assert.fail('no real rule may throw here'));
    const withBroken = runRules(file, DEFAULT_SETTINGS, (rule) => failures.push(rule.meta.id), [THROWING_RULE, ...RULES, THROWING_RULE]);
    assert.deepEqual(withBroken, alone);
    assert.ok(alone.some((finding) => finding.code === 'invalid-restart-policy'), 'the real rule found the Deployment');
    assert.deepEqual(failures, Array(4).fill('always-throws'), 'each failing call is reported to the logger');
  });

  it('the server log names each failing part once, however often it fails', () => {
    const lines: string[] = [];
    const log = logEachFailureOnce((line) => lines.push(line));
    for (let i = 0; i < 5; i++) log('Rule always-throws', new TypeError(`failure ${i}`));
    log('Hover always-throws', 'not even an Error');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^Rule always-throws failed and was skipped: TypeError: failure 0/);
    assert.match(lines[1], /^Hover always-throws failed and was skipped: not even an Error$/);
  });

  it('a throwing hover provider is skipped and the others still answer', () => {
    const document = TextDocument.create('file:///isolation.yaml', 'yaml', 1, TEXT);
    const file = parseManifest(TEXT);
    const position = document.positionAt(TEXT.indexOf('restartPolicy: Never') + 2);
    const failed: string[] = [];
    const expected = hover(standaloneContext(document, file, { log: () => assert.fail('no real provider may throw here') }), position);
    assert.ok(expected, 'the real providers explain restartPolicy');
    const answered = hover(standaloneContext(document, file, { log: (what) => failed.push(what) }), position, [THROWING_HOVER, ...HOVER_PROVIDERS, THROWING_HOVER]);
    assert.deepEqual(answered, expected);
    assert.deepEqual(failed, ['Hover always-throws', 'Hover always-throws']);
  });
});
