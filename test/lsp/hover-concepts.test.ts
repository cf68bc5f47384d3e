import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, positionOf, waitForNotification } from './client';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    team: shop
spec:
  replicas: 3
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 45
      initContainers:
        - name: migrate
          image: example/migrate:1
        - name: logs
          image: fluent/fluent-bit:3.1
          restartPolicy: Always
      containers:
        - name: web
          image: nginx
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 128Mi
          volumeMounts:
            - name: data
              mountPath: /data
          lifecycle:
            preStop:
              exec:
                command: [sleep, "5"]
        - name: helper
          image: busybox:1.36
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: web-data
`;

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-data
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: fast
  resources:
    requests:
      storage: 10Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: Never
  containers:
    - name: job
      image: busybox:1.36
status:
  phase: Succeeded
`;

describe('LSP: concept hovers, with live facts from the manifest and the workspace', function () {
  let client: LspClient;
  let folder: string;
  const texts: Record<string, string> = { 'web.yaml': WEB, 'svc.yaml': SVC };
  const uri = (name: string) => pathToFileURL(join(folder, name)).href;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'podlab-hover-'));
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(folder, name), text);
    client = await LspClient.start({ workspaceFolders: [folder] });
    await waitForNotification(client, 'podlab/workspaceIndexed');
    for (const [name, text] of Object.entries(texts)) await client.open(uri(name), text);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The hover's markdown at the n-th occurrence of `needle` (plus `delta` characters) in file `name`. */
  async function hoverText(name: string, needle: string, occurrence = 0, delta = 1): Promise<string> {
    const hover = await client.hover(uri(name), positionOf(texts[name], needle, occurrence, delta));
    assert.ok(hover, `no hover on ${needle}`);
    return (hover.contents as MarkupContent).value;
  }

  function assertConcept(text: string, link: string, ...facts: RegExp[]): void {
    assert.ok(text.includes(`(https://kubernetes.io/docs/concepts/${link})`), `no link to ${link} in:\n${text}`);
    for (const fact of facts) assert.match(text, fact);
  }

  it('a native sidecar: when it starts and stops relative to the others', async () => {
    assertConcept(await hoverText('web.yaml', 'name: logs', 0, 7), 'workloads/pods/sidecar-containers/',
      /native sidecar/, /Starts as init step 2 of 2, after `migrate` has completed/, /On shutdown: `web`, `helper` first, then the sidecars in reverse order: `logs`/);
  });

  it('a classic sidecar: a second app container, and how a native one differs', async () => {
    assertConcept(await hoverText('web.yaml', 'name: helper', 0, 7), 'workloads/pods/sidecar-containers/',
      /classic sidecar/, /This pod has 2 app containers \(`web`, `helper`\)/);
  });

  it('init containers: one by one, to completion, in this order', async () => {
    assertConcept(await hoverText('web.yaml', 'initContainers'), 'workloads/pods/init-containers/',
      /run one at a time, in order, each to completion/, /Order here: 1\. `migrate` → 2\. `logs` \(sidecar: starts and keeps running\) → then `web`, `helper`/);
  });

  it('pod phases on kind: Pod, on status.phase, and on restartPolicy', async () => {
    assertConcept(await hoverText('svc.yaml', 'kind: Pod', 0, 7), 'workloads/pods/pod-lifecycle/#pod-phase', /With restartPolicy Never, this pod ends \*\*Succeeded\*\* if every app container exits 0/);
    assertConcept(await hoverText('svc.yaml', 'Succeeded'), 'workloads/pods/pod-lifecycle/#pod-phase', /status\.phase Succeeded: every app container exited 0/);
    assertConcept(await hoverText('svc.yaml', 'restartPolicy'), 'workloads/pods/pod-lifecycle/#restart-policy', /No container is ever restarted/);
  });

  it('probes: what the probe does and its timing from the fields and the defaults', async () => {
    assertConcept(await hoverText('web.yaml', 'readinessProbe'), 'configuration/liveness-readiness-startup-probes/',
      /HTTP GET `\/ready` on port `http` \(8080\)/, /Marked unready after 30 s of failures: period 10 s x 3/);
  });

  it('resources: requests vs limits and the QoS class from all containers', async () => {
    assertConcept(await hoverText('web.yaml', 'resources'), 'configuration/manage-resources-containers/',
      /memory: request 128Mi, limit 128Mi/, /QoS class: \*\*Burstable\*\*, because `migrate` has no cpu limit/);
  });

  it('a claimName: the workspace PVC it names, its access modes, size and class, and the unbound behaviour', async () => {
    assertConcept(await hoverText('web.yaml', 'claimName'), 'storage/persistent-volumes/#persistentvolumeclaims',
      /Names PersistentVolumeClaim web-data \(`svc\.yaml` line 15\): ReadWriteOnce/, /10Gi of storage; storage class `fast`/,
      /3 replicas on one ReadWriteOnce claim/, /While the claim is unbound .* the pod stays Pending/);
  });

  it('a PVC: which pods use it', async () => {
    assertConcept(await hoverText('svc.yaml', 'name: web-data', 0, 8), 'storage/persistent-volumes/#persistentvolumeclaims', /Used by Deployment web \(`web\.yaml` line 4\)/);
  });

  it('a Service selector: the pod templates it selects, by file and name', async () => {
    assertConcept(await hoverText('svc.yaml', 'selector'), 'services-networking/service/', /Selects \(app=web\): Deployment web \(`web\.yaml` line 4\)/);
  });

  it('a Service targetPort: the container port it lands on', async () => {
    assertConcept(await hoverText('svc.yaml', 'targetPort'), 'services-networking/service/#field-spec-ports',
      /Clients connect to port 80/, /In Deployment web \(`web\.yaml` line 4\): container `web` port 8080 \(`http`\)/);
  });

  it('pod template labels: the controller and the Services that select them', async () => {
    assertConcept(await hoverText('web.yaml', 'app: web', 1), 'overview/working-with-objects/labels/#label-selectors',
      /The Deployment's selector \(app=web\) selects them/, /Selected by Service web \(`svc\.yaml` line 4\)/);
  });

  it('labels of the workload itself: not what its pods get', async () => {
    assertConcept(await hoverText('web.yaml', 'team'), 'overview/working-with-objects/labels/', /its pods get the template's labels \(app=web\)/);
  });

  it('a Deployment strategy: maxSurge and maxUnavailable resolved for these replicas, as the controller rounds', async () => {
    const text = await hoverText('web.yaml', 'maxUnavailable');
    assertConcept(text, 'workloads/controllers/deployment/#strategy',
      /maxSurge 25% of 3 replicas → \*\*1\*\* extra pod \(percentages round up\)/, /maxUnavailable 25% of 3 replicas → \*\*0\*\* pods may be unavailable \(percentages round down\)/,
      /at most 4 pods exist and at least 3 stay available/);
  });

  it('a Deployment selector: checked against its template', async () => {
    assertConcept(await hoverText('web.yaml', 'matchLabels'), 'workloads/controllers/deployment/#selector', /The template's labels satisfy the selector/);
  });

  it('imagePullPolicy: written, and the default for this tag', async () => {
    assertConcept(await hoverText('web.yaml', 'imagePullPolicy'), 'containers/images/#image-pull-policy',
      /pulls with \*\*IfNotPresent\*\* \(without this line it would be Always, because the image has no tag, which means `:latest`\)/);
    assertConcept(await hoverText('web.yaml', 'image: busybox', 0, 2), 'containers/images/#image-pull-policy', /No imagePullPolicy is written, so it is \*\*IfNotPresent\*\*, because the tag is `:1\.36`/);
  });

  it('volumes and mounts: the volume type and who mounts it where', async () => {
    assertConcept(await hoverText('web.yaml', 'mountPath'), 'storage/volumes/', /`web` sees volume `data` \(storage bound through a PersistentVolumeClaim/, /at `\/data`/);
    assertConcept(await hoverText('web.yaml', 'name: data', 1, 7), 'storage/volumes/', /Mounted by `web` at `\/data`/);
  });

  it('terminationGracePeriodSeconds: the budget, the preStop hooks and the sidecars', async () => {
    assertConcept(await hoverText('web.yaml', 'terminationGracePeriodSeconds'), 'workloads/pods/pod-lifecycle/#pod-termination',
      /Each container gets 45 s from the start of the deletion until SIGKILL/, /The preStop hook of `web` runs first/, /native sidecars \(`logs`\) are stopped after the app containers/);
  });
});
