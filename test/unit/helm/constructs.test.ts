import * as assert from 'node:assert/strict';
import { analyzeText } from '../hostile/support';

/** A Deployment whose pod spec is `podSpec` (indented 6), the rest of it templated as charts write it. */
function deployment(podSpec: string, head = 'apiVersion: apps/v1\nkind: Deployment'): string {
  const body = podSpec.split('\n').map((line) => (line ? `      ${line}` : line)).join('\n');
  return `${head}
metadata:
  name: {{ include "chart.fullname" . }}
  labels:
    {{- include "chart.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "chart.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "chart.selectorLabels" . | nindent 8 }}
    spec:
${body}
`;
}

const POD_SPEC_LINE = 17;

interface Case {
  name: string;
  text: string;
  /** `code@line` (1-based) of every error and warning expected. */
  expected: string[];
}

const CASES: Case[] = [
  {
    name: 'inline and quoted actions as values',
    text: deployment('containers:\n  - name: {{ .Chart.Name }}\n    image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n    imagePullPolicy: {{ .Values.image.pullPolicy }}\n    ports:\n      - containerPort: {{ .Values.port }}'),
    expected: [],
  },
  {
    name: 'if/else writing the same key in both branches',
    text: deployment('{{- if .Values.hostNet }}\ndnsPolicy: ClusterFirstWithHostNet\n{{- else }}\ndnsPolicy: ClusterFirst\n{{- end }}\ncontainers:\n  - name: app\n    image: nginx:1.27'),
    expected: [],
  },
  {
    name: 'a key written twice in one branch is still a duplicate',
    text: deployment('dnsPolicy: ClusterFirst\ndnsPolicy: Default\ncontainers:\n  - name: app\n    image: nginx:1.27'),
    expected: [`yaml-syntax@${POD_SPEC_LINE + 1}`],
  },
  {
    name: 'range over list items',
    text: deployment('containers:\n  - name: app\n    image: nginx:1.27\n    ports:\n    {{- range .Values.ports }}\n      - name: {{ .name }}\n        containerPort: {{ .port }}\n    {{- end }}'),
    expected: [],
  },
  {
    name: 'with, and toYaml in map position on the next line',
    text: deployment('{{- with .Values.nodeSelector }}\nnodeSelector:\n  {{- toYaml . | nindent 8 }}\n{{- end }}\ncontainers:\n  - name: app\n    image: nginx:1.27'),
    expected: [],
  },
  {
    name: 'toYaml after the key on its line (`resources: {{- toYaml ... | nindent }}`)',
    text: deployment('containers:\n  - name: app\n    image: nginx:1.27\n    resources: {{- toYaml .Values.resources | nindent 12 }}\n    securityContext: {{- toYaml .Values.securityContext | nindent 12 }}'),
    expected: [],
  },
  {
    name: 'include where a required list goes: the map is open',
    text: deployment('containers:\n  {{- include "chart.containers" . | nindent 8 }}'),
    expected: [],
  },
  {
    name: 'include in a container where keys go: nothing reported missing',
    text: deployment('containers:\n  - {{- include "chart.containerBase" . | nindent 10 }}\n    ports:\n      - containerPort: 80'),
    expected: [],
  },
  {
    name: 'toYaml in list position after literal items',
    text: deployment('containers:\n  - name: app\n    image: nginx:1.27\nvolumes:\n  - name: cache\n    emptyDir: {}\n  {{- with .Values.extraVolumes }}\n  {{- toYaml . | nindent 8 }}\n  {{- end }}'),
    expected: [],
  },
  {
    name: 'whitespace trimming on either side, and a declaration',
    text: deployment('{{- $port := .Values.port -}}\ncontainers:\n  - name: app\n    image: nginx:1.27\n    ports:\n      - containerPort: {{- $port -}}'),
    expected: [],
  },
  {
    name: 'comments, one holding }} and one over several lines',
    text: deployment('{{/* a note about }} braces */}}\n{{- /*\n  several lines\n  of comment\n*/ -}}\ncontainers:\n  - name: app\n    image: nginx:1.27'),
    expected: [],
  },
  {
    name: 'actions inside a block scalar, on its first line too',
    text: deployment('containers:\n  - name: app\n    image: nginx:1.27\n    command:\n      - sh\n      - -c\n      - |\n        {{- if .Values.debug }}\n        set -x\n        {{- end }}\n        exec nginx -g "daemon off;" {{ .Values.extraArgs }}'),
    expected: [],
  },
  {
    name: 'a key that is an action, and a control action leading a line',
    text: deployment('containers:\n  - name: app\n    image: nginx:1.27\n    env:\n      - name: A\n        value: "1"\nnodeSelector:\n  {{ .Values.nodeKey }}: {{ .Values.nodeValue }}\n  {{ if .Values.zone }}topology.kubernetes.io/zone: {{ .Values.zone }}{{ end }}'),
    expected: [],
  },
  {
    name: 'the value of a key written in the other branch than the key',
    text: deployment('containers:\n  - name: app\n    image: nginx:1.27\n    {{- if .Values.tls }}\n    args:\n      - --tls\n    ports:\n      - containerPort: 8443\n    {{- else }}\n      - --plain\n    {{- end }}'),
    expected: [],
  },
  {
    name: 'a named template defined in the manifest is not part of it',
    text: `{{- define "chart.extra" }}\nnotAField: 1\n{{- end }}\n${deployment('containers:\n  - name: app\n    image: nginx:1.27')}`,
    expected: [],
  },
  {
    name: 'a name that is an action is not checked as a name (invalid-name runs on literal names only)',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "{{ .Release.Name }}"\nspec:\n  containers:\n    - name: "{{ .Chart.Name }}-main"\n      image: nginx:1.27\n',
    expected: [],
  },
  {
    name: 'a literal invalid name in a templated file is reported',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_Pod\n  labels:\n    {{- include "chart.labels" . | nindent 4 }}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
    expected: ['invalid-name@4'],
  },
  {
    name: 'a misspelt literal key in a templated Deployment',
    text: deployment('contaners:\n  - name: {{ .Chart.Name }}\n    image: "{{ .Values.image.repository }}"'),
    expected: [`unknown-field@${POD_SPEC_LINE}`],
  },
  {
    name: 'a wrong literal type and an enum value',
    text: deployment('containers:\n  - name: app\n    image: nginx:1.27\n    imagePullPolicy: Sometimes\n    ports:\n      - containerPort: eighty'),
    expected: [`invalid-enum@${POD_SPEC_LINE + 3}`, `invalid-type@${POD_SPEC_LINE + 5}`],
  },
  {
    name: 'a literal closed container still misses its name',
    text: deployment('containers:\n  - image: {{ .Values.image }}'),
    expected: [`missing-required@${POD_SPEC_LINE + 1}`],
  },
  {
    name: 'a removed apiVersion written literally',
    text: deployment('containers:\n  - name: app\n    image: nginx:1.27', 'apiVersion: extensions/v1beta1\nkind: Deployment'),
    expected: ['removed-api-version@1'],
  },
  {
    name: 'an apiVersion from a helper: the kind is checked in the version Kubernetes serves it in',
    text: deployment('contaners: []', 'apiVersion: {{ include "common.capabilities.deployment.apiVersion" . }}\nkind: Deployment'),
    expected: [`unknown-field@${POD_SPEC_LINE}`],
  },
  {
    name: 'a kind chosen by branches: what is wrong for each kind is reported once',
    text: deployment('contaners: []', 'apiVersion: apps/v1\n{{- if .Values.sts }}\nkind: StatefulSet\n{{- else }}\nkind: Deployment\n{{- end }}').replace('spec:\n  replicas', 'spec:\n  {{- if not .Values.sts }}\n  strategy:\n    type: RollingUpdate\n  {{- end }}\n  replicas'),
    expected: [`unknown-field@${POD_SPEC_LINE + 8}`],
  },
  {
    name: 'a literal rule input in a templated document (invalid label value)',
    text: deployment('containers:\n  - name: app\n    image: nginx:1.27').replace('labels:\n        {{-', 'labels:\n        tier: "-front-"\n        {{-'),
    expected: ['invalid-label@15'],
  },
  {
    name: 'rules whose input is rendered are not run (no tag, no probes, no resources: all may come from values)',
    text: deployment('containers:\n  - name: app\n    image: "{{ .Values.image.repository }}"\n    {{- include "chart.probes" . | nindent 4 }}'),
    expected: [],
  },
];

describe('Helm templates: constructs and their findings', () => {
  for (const { name, text, expected } of CASES) {
    it(name, () => {
      const analysed = analyzeText(text);
      assert.ok(analysed.file.templated);
      assert.deepEqual(analysed.ruleFailures, []);
      const found = analysed.diagnostics
        .filter((d) => d.severity === 1 || d.severity === 2)
        .map((d) => `${d.code}@${d.range.start.line + 1}`);
      assert.deepEqual(found, expected, analysed.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1} ${d.message}`).join('\n'));
    });
  }
});
