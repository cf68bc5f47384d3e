/** The generated manifests the benchmarks open: many small applications, the same text on every run. */

/** A deterministic pseudo-random sequence (mulberry32), so every run benchmarks the same text. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One application: a Deployment (app container with probes, a native sidecar, an init step), its Service and PVC. */
export function application(index: number, next: () => number): string {
  const name = `app-${index}`;
  const replicas = 2 + Math.floor(next() * 4);
  const port = 8000 + Math.floor(next() * 1000);
  const memory = [128, 256, 512, 1024][Math.floor(next() * 4)];
  const storage = [1, 5, 10, 50][Math.floor(next() * 4)];
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
spec:
  replicas: ${replicas}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
        app.kubernetes.io/part-of: shop
    spec:
      serviceAccountName: ${name}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
      initContainers:
        - name: migrate
          image: registry.example.com/shop/${name}-migrate:1.${index % 17}.0
          command: ["/bin/migrate", "--database", "$(DATABASE_URL)"]
          env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: ${name}-db
                  key: url
          resources:
            requests: {cpu: 50m, memory: 64Mi}
            limits: {memory: 128Mi}
        - name: log-shipper
          image: registry.example.com/platform/log-shipper:2.4.1
          restartPolicy: Always
          args: ["--path", "/var/log/app", "--target", "logs.example.com:443"]
          volumeMounts:
            - name: logs
              mountPath: /var/log/app
          resources:
            requests: {cpu: 20m, memory: 32Mi}
            limits: {memory: 64Mi}
      containers:
        - name: ${name}
          image: registry.example.com/shop/${name}:1.${index % 17}.${index % 5}
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: ${port}
              protocol: TCP
          env:
            - name: PORT
              value: "${port}"
            - name: LOG_DIR
              value: /var/log/app
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 10
            failureThreshold: 3
          resources:
            requests:
              cpu: 100m
              memory: ${memory}Mi
            limits:
              memory: ${memory * 2}Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
          volumeMounts:
            - name: data
              mountPath: /data
            - name: logs
              mountPath: /var/log/app
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: ${name}-data
        - name: logs
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}-data
  namespace: shop
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: standard
  resources:
    requests:
      storage: ${storage}Gi
`;
}

/** About `lines` lines of applications, separated by `---`. */
export function manifest(lines: number): string {
  const next = random(lines);
  const parts: string[] = [];
  let count = 0;
  for (let index = 0; count < lines; index++) {
    const part = application(index, next);
    parts.push(part);
    count += part.split('\n').length;
  }
  return parts.join('---\n');
}
