import { SCHEMA_CODES } from '../schema/codes';
import { RULES } from '../rules';
import type { RuleCategory, RuleMeta } from '../findings/ruleMeta';

const CATEGORY_TITLES: Record<RuleCategory, string> = {
  api: 'Rejected by the API server',
  schema: 'Schema',
  'best-practice': 'Best practice',
  security: 'Security',
  'cross-resource': 'Across the workspace',
};

/** Diagnostics that are not rules: they cannot be turned off, but they have a code and a docs anchor too. */
export const NOTICES: ReadonlyArray<{ id: string; description: string }> = [
  { id: 'yaml-syntax', description: 'The YAML does not parse (or repeats a key in one map). Nothing else is checked in the document until it parses.' },
  { id: 'file-too-large', description: 'The file is larger than `podlab.maxFileSize`: only its YAML syntax is checked (or, far above it, nothing at all).' },
];

function codeList(items: readonly string[] | undefined): string {
  return items && items.length > 0 ? items.map((item) => `\`${item}\``).join(', ') : '—';
}

/** The peer checks a rule stands for (meta.peers: the same lists the exemption annotations use). */
function peerCells(meta: RuleMeta): string[] {
  return [codeList(meta.peers?.kubeLinter), codeList(meta.peers?.polaris), codeList(meta.peers?.kubeScore)];
}

/** docs/rules.md, generated from the rules' metadata (`npm run` scripts/gen-rules-doc.mjs writes it; a unit test keeps it in step). */
export function renderRulesDoc(): string {
  const lines = [
    '# Podlab rules',
    '',
    '<!-- Generated from the rules\' metadata by scripts/gen-rules-doc.mjs; test/unit/rules/rulesDoc.test.ts fails when it is stale. -->',
    '',
    'Every diagnostic has `source: "podlab"` and its rule id as `code`. Change a rule\'s severity or turn it off with the',
    '`podlab.rules` setting, for example `{ "image-tag": "off", "missing-resources": "information" }`.',
    '',
    'Silence findings in a file with comments: `# podlab-disable-next-line <id>[, <id>]` (the next line), `# podlab-disable <id>`',
    '(the whole file; with no id, every rule). kube-linter\'s `ignore-check.kube-linter.io/<check>` and Polaris\'',
    '`polaris.fairwinds.com/<check>-exempt: "true"` annotations exempt their resource from the matching rules listed below.',
    'kube-score\'s `kube-score/ignore: <check>[,<check>]` annotation does the same. YAML syntax errors cannot be silenced.',
    '',
    'Fields the API server fills in (protocol, imagePullPolicy, restartPolicy, terminationGracePeriodSeconds, probe timings,',
    'Service type and targetPort, Deployment strategy, ...) are never reported as missing.',
    '',
    '| Rule | Default severity | Fix | kube-linter | Polaris | kube-score |',
    '|---|---|---|---|---|---|',
  ];
  for (const { meta } of RULES) {
    lines.push(`| [\`${meta.id}\`](#${meta.id}) | ${meta.severity} | ${meta.fixable ? 'yes' : '—'} | ${peerCells(meta).join(' | ')} |`);
  }
  for (const category of Object.keys(CATEGORY_TITLES) as RuleCategory[]) {
    const rules = RULES.filter((rule) => rule.meta.category === category);
    if (rules.length === 0) continue;
    lines.push('', `## ${CATEGORY_TITLES[category]}`);
    for (const { meta } of rules) {
      const [kubeLinter, polaris, kubeScore] = peerCells(meta);
      lines.push(
        '',
        `### ${meta.id}`,
        '',
        meta.description,
        '',
        `- Default severity: ${meta.severity}`,
        `- Quick fix: ${meta.fixable ? 'yes' : 'no'}`,
        `- Stands for: kube-linter ${kubeLinter}; Polaris ${polaris}; kube-score ${kubeScore}`,
      );
    }
  }
  lines.push('', '## Schema validation', '', 'Checked against the bundled Kubernetes API schema (and the CRDs of the workspace). Their ids work in `podlab.rules` like the rules above.');
  for (const meta of SCHEMA_CODES) {
    lines.push('', `### ${meta.id}`, '', meta.description, '', `- Default severity: ${meta.severity}`, `- Quick fix: ${meta.fixable ? 'yes' : 'no'}`);
  }
  lines.push('', '## Notices');
  for (const notice of NOTICES) lines.push('', `### ${notice.id}`, '', notice.description);
  return `${lines.join('\n')}\n`;
}
