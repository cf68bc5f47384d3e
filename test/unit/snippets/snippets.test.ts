import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../server/src/findings/finding';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { manifestTemplates, templateFileContent } from '../../../client/src/templates/manifestTemplates';
import { readSnippetFile } from '../../../client/src/templates/snippetFile';
import { expandSnippet, parseSnippet, tabStopOrder, type SnippetNode } from '../../../client/src/templates/snippetSyntax';
import { analyzeWorkspace, describeFindings } from './analyzeWorkspace';
import { neighboursOf, SNIPPET_CONTEXTS, typeIntoHost } from './snippetHosts';

const root = join(__dirname, '..', '..', '..');
const snippetsPath = 'snippets/kubernetes.code-snippets';
const snippets = readSnippetFile(readFileSync(join(root, snippetsPath), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes?: { snippets?: Array<{ language: string; path: string }> };
};

/** The server's whole analysis of `text` in a workspace with the default files of the `neighbours` templates. */
function validate(text: string, neighbours: readonly string[] = []): { errors: Finding[]; all: Finding[]; resources: number } {
  const files: Record<string, string> = { 'snippet.yaml': text };
  for (const name of neighbours) files[`${name}.yaml`] = templateFileContent(snippets.find((s) => s.name === name)!.body);
  const { file, findings } = analyzeWorkspace(files)['snippet.yaml'];
  return { errors: findings.filter((f) => f.severity === 'error'), all: findings, resources: file.resources.length };
}

/**
 * The only findings a snippet may bring, all below warning severity: securing a container
 * (runAsNonRoot, allowPrivilegeEscalation) depends on the image, so the snippets leave it to the
 * hints; and the classic sidecar pair exists to show the pattern the native sidecar replaces.
 */
const ACCEPTED_NOTES = new Set(['run-as-root', 'privilege-escalation', 'native-sidecar']);

/** Identifies a finding independently of where its text sits in the file. */
function findingKey(finding: Finding): string {
  return `${finding.code} ${finding.severity} ${finding.message}`;
}

describe('snippets/kubernetes.code-snippets', () => {
  it('is the snippets file package.json contributes for yaml', () => {
    const contributed = packageJson.contributes?.snippets ?? [];
    assert.ok(contributed.some((s) => s.language === 'yaml' && s.path.replace(/^\.\//, '') === snippetsPath), JSON.stringify(contributed));
  });

  it('has a unique k8s- prefix and a description for every snippet', () => {
    const prefixes = snippets.flatMap((s) => s.prefixes);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes must be unique');
    for (const snippet of snippets) {
      assert.ok(snippet.prefixes.length > 0 && snippet.prefixes.every((p) => /^k8s-[a-z-]+$/.test(p)), `${snippet.name}: prefix ${snippet.prefixes.join()}`);
      assert.ok(snippet.description.length > 20, `${snippet.name}: description`);
    }
  });

  it('covers what issue 6 lists', () => {
    const kindsOf = (name: string) => manifestTemplates(snippets).find((t) => t.label === name)?.kinds;
    assert.deepEqual(kindsOf('Pod'), ['Pod']);
    assert.deepEqual(kindsOf('Deployment'), ['Deployment']);
    assert.deepEqual(kindsOf('Deployment + Service'), ['Deployment', 'Service']);
    assert.deepEqual(kindsOf('PersistentVolumeClaim + Pod'), ['PersistentVolumeClaim', 'Pod']);
    assert.deepEqual(kindsOf('Job'), ['Job']);
    assert.deepEqual(kindsOf('CronJob'), ['CronJob']);
    assert.deepEqual(kindsOf('StatefulSet + headless Service'), ['Service', 'StatefulSet']);
    for (const type of ['ClusterIP', 'NodePort', 'LoadBalancer', 'headless']) assert.deepEqual(kindsOf(`Service (${type})`), ['Service']);
    const prefixes = new Set(snippets.flatMap((s) => s.prefixes));
    for (const prefix of ['k8s-pod-native-sidecar', 'k8s-pod-sidecar', 'k8s-init-container', 'k8s-probe-http', 'k8s-probe-tcp', 'k8s-probe-exec',
      'k8s-probe-grpc', 'k8s-resources', 'k8s-env-configmap', 'k8s-env-secret', 'k8s-volume-configmap', 'k8s-volume-secret', 'k8s-configmap-pod', 'k8s-secret-pod']) {
      assert.ok(prefixes.has(prefix), prefix);
    }
    const sidecar = expandSnippet(snippets.find((s) => s.prefixes.includes('k8s-pod-native-sidecar'))!.body);
    assert.match(sidecar, /initContainers:\n {4}- name: [a-z-]+\n(?: {6}.*\n)*? {6}restartPolicy: Always\n/);
  });

  it('numbers the tab stops 1..n in the order they first appear, ending in $0', () => {
    for (const snippet of snippets) {
      const order = tabStopOrder(snippet.body);
      assert.equal(order.at(-1), 0, `${snippet.name}: ends with $0`);
      const numbered = order.slice(0, -1);
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${snippet.name}: tab stops ${numbered.join()}`);
      assert.deepEqual(firstAppearance(parseSnippet(snippet.body)), numbered, `${snippet.name}: tab stops go top to bottom`);
    }
  });

  it('lets a name typed once flow into labels and selectors (mirrors share the placeholder number)', () => {
    for (const name of ['Deployment', 'Deployment + Service', 'StatefulSet + headless Service']) {
      const snippet = snippets.find((s) => s.name === name)!;
      const typed = expandWith(snippet.body, 1, 'shop');
      const file = parseManifest(typed);
      for (const resource of file.resources) {
        const at = (...path: string[]): unknown => path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], resource.object);
        const label = 'app.kubernetes.io/name';
        if (resource.kind === 'Service') assert.equal(at('spec', 'selector', label), 'shop', `${name}: Service selector`);
        else {
          assert.equal(at('metadata', 'name'), 'shop', `${name}: name`);
          assert.equal(at('spec', 'selector', 'matchLabels', label), 'shop', `${name}: selector`);
          assert.equal(at('spec', 'template', 'metadata', 'labels', label), 'shop', `${name}: template labels`);
        }
      }
    }
  });

  describe('every snippet expanded with its defaults passes the server\'s validation without errors or warnings', () => {
    for (const snippet of snippets) {
      it(snippet.name, () => {
        const expansion = expandSnippet(snippet.body);
        const context = SNIPPET_CONTEXTS[snippet.name];
        if (!snippet.isFileTemplate) assert.ok(context, `${snippet.name}: needs a host context in snippetHosts.ts`);
        const text = snippet.isFileTemplate ? templateFileContent(snippet.body) : typeIntoHost(context, expansion);
        const neighbours = neighboursOf(snippet.name, snippet.isFileTemplate);
        const { errors, all, resources } = validate(text, neighbours);
        assert.ok(resources >= 1, `${snippet.name}: expands to a Kubernetes resource`);
        assert.deepEqual(errors, [], `${snippet.name}:\n${text}\n${describeFindings(text, errors)}`);
        // A fragment is judged by what it adds to its host: the host alone lacks probes and resources on purpose.
        const before = snippet.isFileTemplate ? [] : validate(typeIntoHost(context, ''), neighbours).all.map(findingKey);
        const added = all.filter((f) => !before.includes(findingKey(f)));
        const unwanted = added.filter((f) => f.severity === 'warning' || !ACCEPTED_NOTES.has(String(f.code)));
        assert.deepEqual(unwanted, [], `${snippet.name}:\n${text}\n${describeFindings(text, unwanted)}`);
      });
    }
  });

  it('every option of every choice gives a manifest without errors', () => {
    let checked = 0;
    for (const snippet of snippets) {
      for (const [choice, index, options] of snippet.body.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) {
        for (const option of options.split(',')) {
          const body = snippet.body.replace(choice, `\${${index}|${option}|}`);
          const text = snippet.isFileTemplate ? templateFileContent(body) : typeIntoHost(SNIPPET_CONTEXTS[snippet.name], expandSnippet(body));
          const { errors } = validate(text, neighboursOf(snippet.name, snippet.isFileTemplate));
          assert.deepEqual(errors, [], `${snippet.name} with ${option}:\n${text}\n${describeFindings(text, errors)}`);
          checked += 1;
        }
      }
    }
    assert.ok(checked >= 40, `${checked} options checked`);
  });

  it('the hosts themselves are valid, so a fragment is judged on its own', () => {
    for (const context of new Set(Object.values(SNIPPET_CONTEXTS))) {
      const text = typeIntoHost(context, '');
      assert.deepEqual(validate(text).errors, [], text);
    }
  });
});

describe('New Manifest templates', () => {
  const templates = manifestTemplates(snippets);

  it('are exactly the file templates of the snippets file, in its order', () => {
    assert.deepEqual(templates.map((t) => t.label), snippets.filter((s) => s.isFileTemplate).map((s) => s.name));
    assert.ok(templates.length >= 15);
  });

  it('insert the same snippet into an untitled document, and write its default expansion to a file', () => {
    for (const template of templates) {
      const snippet = snippets.find((s) => s.name === template.label)!;
      assert.equal(template.snippet, snippet.body, template.label);
      assert.equal(template.defaultText, `${expandSnippet(snippet.body).trimEnd()}\n`, template.label);
      assert.equal(template.description, snippet.prefixes[0]);
      assert.ok(template.detail.startsWith(snippet.description), template.detail);
      for (const kind of template.kinds) assert.match(template.detail, new RegExp(`\\b${kind}\\b`), template.detail);
    }
  });
});

/** The placeholder numbers in the order their first occurrence appears in the body. */
function firstAppearance(nodes: SnippetNode[], seen: number[] = []): number[] {
  for (const node of nodes) {
    if ((node.type === 'placeholder' || node.type === 'tabstop' || node.type === 'choice') && node.index !== 0 && !seen.includes(node.index)) seen.push(node.index);
    if (node.type === 'placeholder') firstAppearance(node.children, seen);
  }
  return seen;
}

/** Expands `body` as if the user typed `value` into tab stop `index` and kept every other default. */
function expandWith(body: string, index: number, value: string): string {
  const escaped = value.replace(/[\\$}]/g, '\\$&');
  return expandSnippet(body.replace(new RegExp(`\\$\\{${index}:[^}]*\\}`, 'g'), `\${${index}:${escaped}}`));
}
