import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { analyzeText, errorsOf } from './support';

const GITHUB_WORKFLOW = `name: ci
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [18, 20]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
      - run: npm ci && npm test
`;

const DOCKER_COMPOSE = `services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
    depends_on: [db]
    restart: always
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: example
volumes:
  data: {}
`;

/** GitLab CI leans on anchors and merge keys. */
const GITLAB_CI = `stages: [build, test]
variables:
  DOCKER_DRIVER: overlay2
.defaults: &defaults
  image: node:20
  before_script:
    - npm ci
  tags: [docker]
build:
  <<: *defaults
  stage: build
  script:
    - npm run build
  artifacts:
    paths: [dist/]
test:
  <<: *defaults
  stage: test
  script: ["npm test"]
  rules:
    - if: '$CI_PIPELINE_SOURCE == "merge_request_event"'
`;

/** A Helm chart's values.yaml: Kubernetes words, no Kubernetes object. */
const HELM_VALUES = `replicaCount: 1
image:
  repository: nginx
  tag: ""
  pullPolicy: IfNotPresent
resources: {}
containers:
  - name: web
    restartPolicy: Never
`;

const OPENAPI = `openapi: 3.0.3
info:
  title: Pets
  version: 1.0.0
paths:
  /pets/{petId}:
    get:
      parameters:
        - name: petId
          in: path
          required: true
          schema: {type: string}
      responses:
        "200":
          description: A pet
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
components:
  schemas:
    Pet:
      type: object
      properties:
        kind: {type: string}
        apiVersion: {type: string}
`;

const HELM_TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chart.fullname" . }}
  labels:
    {{- include "chart.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          {{- with .Values.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
`;

const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: shop
resources:
  - deployment.yaml
  - service.yaml
patches:
  - path: replicas.yaml
images:
  - name: nginx
    newTag: "1.27"
`;

/** A strategic-merge patch: a partial Deployment, valid only as a patch. */
const KUSTOMIZE_PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
`;

const CONTAINER_PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          resources:
            limits: {memory: 512Mi}
`;

describe('hostile input: YAML that is not a plain Kubernetes manifest', () => {
  for (const [name, text] of Object.entries({ 'a GitHub Actions workflow': GITHUB_WORKFLOW, 'a GitLab CI file': GITLAB_CI, 'a docker-compose file': DOCKER_COMPOSE, 'an OpenAPI spec': OPENAPI, "a Helm chart's values.yaml": HELM_VALUES })) {
    it(`says nothing at all about ${name}`, () => {
      const analysed = analyzeText(text);
      assert.equal(analysed.file.looksLikeKubernetes, false);
      assert.deepEqual(analysed.findings, []);
    });
  }

  it('says nothing about broken YAML that is not Kubernetes either (other extensions own it)', () => {
    assert.deepEqual(analyzeText(`${DOCKER_COMPOSE}  broken: "unclosed\n`).findings, []);
  });

  it('checks what a Helm template writes literally (the selector it lacks), not what its actions render', () => {
    const analysed = analyzeText(HELM_TEMPLATE);
    assert.deepEqual(analysed.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => [f.code, HELM_TEMPLATE.slice(...f.span)]), [
      ['missing-required', 'spec'],
    ]);
    assert.match(analysed.findings[0].message, /missing the required field "selector"/);
  });

  it('gives a Kustomization file no errors', () => {
    const analysed = analyzeText(KUSTOMIZATION);
    assert.deepEqual(errorsOf(analysed).map((f) => `${f.code}: ${f.message}`), []);
    assert.deepEqual(analysed.ruleFailures, []);
  });

  describe('Kustomize patches', () => {
    let folder: string;
    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'podlab-kustomize-'));
      fs.mkdirSync(path.join(folder, 'patches'));
      fs.writeFileSync(path.join(folder, 'kustomization.yaml'), 'resources:\n  - deployment.yaml\npatches:\n  - path: patches/replicas.yaml\npatchesStrategicMerge:\n  - patches/resources.yaml\n');
      fs.writeFileSync(path.join(folder, 'patches/replicas.yaml'), KUSTOMIZE_PATCH);
      fs.writeFileSync(path.join(folder, 'patches/resources.yaml'), CONTAINER_PATCH);
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('gives the patches a kustomization lists no errors', () => {
      for (const [name, text] of [['replicas.yaml', KUSTOMIZE_PATCH], ['resources.yaml', CONTAINER_PATCH]]) {
        const analysed = analyzeText(text, DEFAULT_SETTINGS, pathToFileURL(path.join(folder, 'patches', name)).href);
        assert.deepEqual(errorsOf(analysed).map((f) => `${f.code}: ${f.message}`), [], name);
        assert.deepEqual(analysed.ruleFailures, []);
      }
    });

    it('gives a patch with a $patch directive no errors, wherever it is', () => {
      const text = `${CONTAINER_PATCH}        - name: old-sidecar\n          $patch: delete\n`;
      assert.deepEqual(errorsOf(analyzeText(text)).map((f) => `${f.code}: ${f.message}`), []);
    });

    it('still reports the missing fields of the same partial Deployment when no kustomization lists it', () => {
      const analysed = analyzeText(CONTAINER_PATCH, DEFAULT_SETTINGS, pathToFileURL(path.join(folder, 'deployment.yaml')).href);
      assert.ok(errorsOf(analysed).some((f) => f.code === 'missing-required'), 'a manifest, not a patch');
    });
  });
});
