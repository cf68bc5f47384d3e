import * as assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver';
import { readChartValues } from '../../../server/src/hovers/helmValues';
import { NEEDS_RENDERING, simulateResource } from '../../../server/src/lsp/features/simulate';
import { parseManifest } from '../../../server/src/parse/parseManifest';

const VALUES = readChartValues('file:///chart/values.yaml', `name: web
replicaCount: 2
image:
  repository: nginx
  tag: "1.27"
port: 8080
`);

const PLAIN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Values.name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      {{- /* one container, from values.yaml */}}
      containers:
        - name: {{ .Values.name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          ports:
            - containerPort: {{ .Values.port }}
`;

function simulateTemplate(text: string, values = VALUES) {
  return simulateResource(parseManifest(text), { uri: 'file:///chart/templates/deployment.yaml' }, { chartValues: () => values });
}

function renderingRefusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ResponseError && error.code === NEEDS_RENDERING, String(error));
    return error.message;
  }
  assert.fail('the preview simulated a template it cannot render');
}

describe('Helm templates in the lifecycle preview', () => {
  it('simulates a template whose every action is a plain .Values lookup, with the values of values.yaml', () => {
    const result = simulateTemplate(PLAIN);
    assert.equal(result.resource.kind, 'Deployment');
    assert.equal(result.resource.name, 'web');
    const last = result.frames[result.frames.length - 1];
    assert.equal(last.pods.length, 2);
    assert.ok(last.pods.every((pod) => pod.containers.length === 1 && pod.containers[0].name === 'web'), JSON.stringify(last.pods[0].containers));
    assert.match(JSON.stringify(result), /nginx:1\.27/);
  });

  it('refuses, saying the chart must be rendered, when an action is more than a lookup (never a made-up pod)', () => {
    const message = renderingRefusal(() => simulateTemplate(PLAIN.replace('{{ .Values.name }}\nspec', '{{ include "chart.fullname" . }}\nspec')));
    assert.match(message, /Helm template/);
    assert.match(message, /include "chart\.fullname" \. }} is more than a \.Values lookup: render the chart \(helm template\)/);
  });

  it('refuses when values.yaml does not set a looked-up value, or the template is in no chart', () => {
    assert.match(renderingRefusal(() => simulateTemplate(PLAIN.replace('.Values.port', '.Values.service.port'))), /sets no plain value for \.Values\.service\.port/);
    assert.match(renderingRefusal(() => simulateResource(parseManifest(PLAIN), { uri: 'file:///elsewhere.yaml' })), /not in a chart with a values\.yaml/);
  });

  it('refuses a control structure (the branch taken depends on values)', () => {
    const text = PLAIN.replace('      containers:', '      {{- if .Values.hostNetwork }}\n      hostNetwork: true\n      {{- end }}\n      containers:');
    assert.match(renderingRefusal(() => simulateTemplate(text)), /if \.Values\.hostNetwork/);
  });
});
