/**
 * Workspace indexing at scale: generates 5,000 manifest files, starts dist/server.js over stdio with that folder as
 * the workspace, and prints the indexing time, the server's peak RSS (VmHWM) and how long a cross-file diagnostic
 * takes to update after another file changes on disk. Budget: indexing < 10 s, < 300 MB, update < 200 ms.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, recordProgress, waitForNotification } from '../test/lsp/client';

const FILES = 5_000;
const PER_FOLDER = 50;
const UPDATES = 7;

function deployment(app: string, labelValue = app): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: team-${app.length % 7}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${labelValue}
  template:
    metadata:
      labels:
        app: ${labelValue}
    spec:
      containers:
        - name: ${app}
          image: example/${app}:1.0.${app.length}
          ports:
            - name: http
              containerPort: 8080
          envFrom:
            - configMapRef:
                name: ${app}-settings
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 128Mi}
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: ${app}-data
`;
}

function companions(app: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: team-${app.length % 7}
spec:
  selector:
    app: ${app}
  ports:
    - port: 80
      targetPort: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-settings
  namespace: team-${app.length % 7}
data:
  LEVEL: info
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${app}-data
  namespace: team-${app.length % 7}
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;
}

/** Half the files hold a Deployment, the other half its Service, ConfigMap and PVC, in another file of the same folder. */
function generate(root: string): { servicePath: string; deploymentPath: string; app: string } {
  for (let i = 0; i < FILES / 2; i++) {
    const folder = join(root, `team-${Math.floor((2 * i) / PER_FOLDER)}`);
    if (i % (PER_FOLDER / 2) === 0) mkdirSync(folder, { recursive: true });
    const app = `app-${i}`;
    writeFileSync(join(folder, `${app}-deployment.yaml`), deployment(app));
    writeFileSync(join(folder, `${app}-service.yaml`), companions(app));
  }
  const folder = join(root, 'team-0');
  return { servicePath: join(folder, 'app-0-service.yaml'), deploymentPath: join(folder, 'app-0-deployment.yaml'), app: 'app-0' };
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'podlab-workspace-bench-'));
  const { servicePath, deploymentPath, app } = generate(root);
  const started = performance.now();
  const client = await LspClient.start({ workspaceFolders: [root] });
  const progress = recordProgress(client);
  try {
    const indexed = await waitForNotification(client, 'podlab/workspaceIndexed', () => true, 120_000) as { files: number; resources: number; milliseconds: number };
    const wall = performance.now() - started;
    const rss = peakRssMb(client.process.pid!);
    const progressValues = progress.values.get(progress.created[0] ?? '') ?? [];

    const serviceUri = pathToFileURL(servicePath).href;
    const deploymentUri = pathToFileURL(deploymentPath).href;
    await client.open(serviceUri, readFileSync(servicePath, 'utf8'));
    await client.waitForDiagnostics(serviceUri);
    const noMatch = () => (client.diagnostics.get(serviceUri)?.diagnostics ?? []).some((diagnostic) => diagnostic.code === 'service-no-match');
    const updates: number[] = [];
    for (let round = 0; round < UPDATES; round++) {
      const broken = round % 2 === 0;
      writeFileSync(deploymentPath, deployment(app, broken ? `${app}-renamed` : app));
      const changed = performance.now();
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: deploymentUri, type: 2 }] });
      while (noMatch() !== broken) await new Promise((resolve) => setImmediate(resolve));
      updates.push(performance.now() - changed);
    }
    updates.sort((a, b) => a - b);
    const median = updates[Math.floor(updates.length / 2)];

    const row = (name: string, value: string, ok: boolean) => console.log(`${name.padEnd(44)} ${value.padStart(12)}  ${ok ? 'ok' : 'OVER BUDGET'}`);
    console.log(`workspace: ${indexed.files} files, ${indexed.resources} resources`);
    row('indexing (server-measured, budget 10 s)', `${(indexed.milliseconds / 1000).toFixed(2)} s`, indexed.milliseconds < 10_000);
    row('start to indexed (wall clock, with spawn)', `${(wall / 1000).toFixed(2)} s`, wall < 10_000);
    row('server peak RSS, VmHWM (budget 300 MB)', `${rss.toFixed(0)} MB`, rss < 300);
    row(`cross-file update, median of ${UPDATES} (budget 200 ms)`, `${median.toFixed(1)} ms`, median < 200);
    console.log(`cross-file updates (ms): ${updates.map((value) => value.toFixed(1)).join(', ')}`);
    console.log(`work-done progress: ${progress.created.length} token(s); ${progressValues.length} $/progress values (${progressValues[0]?.kind ?? 'none'} .. ${progressValues[progressValues.length - 1]?.kind ?? 'none'})`);
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
