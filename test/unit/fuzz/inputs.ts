/** Generators of hostile text for the fuzz properties: mutated corpus manifests, random YAML, token soup. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { CORPUS_DIR, corpusFiles } from '../../support/corpus';

let corpus: string[] | undefined;

/** The corpus manifests (../shared/corpus), read once. */
export function corpusTexts(): string[] {
  corpus ??= corpusFiles().map((file) => fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8')).filter((text) => text.length < 60_000);
  return corpus;
}

/** Characters and pieces that mean something to YAML, or to the editor's notion of a position. */
const TOKENS = [
  ':', ': ', '- ', '-', '[', ']', '{', '}', ',', '"', "'", '#', '&a ', '*a', '*b', '&b ', '!', '!!str ', '|', '>-', '? ',
  '\n', '\r\n', '\r', '\t', ' ', '  ', '---\n', '...\n', '%YAML 1.2\n', '<<: *a', '{{ .Values.x }}', '\\', '\u0000', '\uFEFF',
  '\uD800', '🚀', 'é', '日本', 'apiVersion: v1\n', 'kind: Pod\n', 'kind: Deployment\n', 'name: x', 'containers:', 'image: nginx',
  'restartPolicy: Never', 'ports:\n  - containerPort: 80', 'null', '~', 'true', '0x1F', '1e309', '-.inf', '1Gi', '500m',
];

const token = fc.constantFrom(...TOKENS);

export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.oneof(token, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));

type Mutation = (text: string) => string;

/** Edits of the kinds a person makes while typing, and of the kinds a broken file has. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.oneof(token, fc.string({ maxLength: 3, unit: 'binary' }))).map(([at, piece]): Mutation => (text) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + piece + text.slice(i + 1);
  }),
  fc.tuple(fc.nat(), token).map(([at, piece]): Mutation => (text) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + piece + text.slice(i);
  }),
  fc.nat().map((at): Mutation => (text) => withLines(text, (lines) => lines.splice(at % lines.length, 1))),
  fc.nat().map((at): Mutation => (text) => withLines(text, (lines) => { const i = at % lines.length; lines.splice(i, 0, lines[i]); })),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 }), fc.boolean()).map(([at, delta, tab]): Mutation => (text) => withLines(text, (lines) => {
    const i = at % lines.length;
    lines[i] = delta >= 0 ? (tab ? '\t' : ' '.repeat(delta)) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-delta}}`), '');
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (text) => withLines(text, (lines) => {
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j], lines[i]];
  })),
  fc.nat().map((at): Mutation => (text) => text.slice(0, at % (text.length + 1))),
  fc.constant<Mutation>((text) => text.replace(/\n/g, '\r\n')),
);

function withLines(text: string, change: (lines: string[]) => void): string {
  const lines = text.split('\n');
  change(lines);
  return lines.join('\n');
}

export const mutatedCorpusManifest: fc.Arbitrary<string> = fc
  .tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([pick, mutations]) => {
    const texts = corpusTexts();
    return mutations.reduce((text, mutate) => mutate(text), texts[pick % texts.length]);
  });

const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'Service', 'ConfigMap', 'PersistentVolumeClaim', 'Ingress', 'Unknown'];
const API_VERSIONS = ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'extensions/v1beta1', 'example.com/v1', ''];

/** Leaves: the values manifests hold, and the ones they should not. */
const leaf = fc.oneof(
  fc.constantFrom('Always', 'Never', 'OnFailure', 'nginx', 'nginx:latest', 'busybox:1.36', 'web', '80', 'http', '100m', '1Gi', '-1', '', 'TCP', 'ClusterIP', '/healthz'),
  fc.integer({ min: -70000, max: 70000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
);

/** Maps keyed by the words a pod spec uses, nested a few levels, so rules and the simulator get something to chew. */
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.dictionary(
      fc.constantFrom('name', 'image', 'containers', 'initContainers', 'ports', 'containerPort', 'resources', 'limits', 'requests', 'cpu', 'memory',
        'livenessProbe', 'readinessProbe', 'startupProbe', 'httpGet', 'port', 'path', 'restartPolicy', 'template', 'spec', 'metadata', 'labels',
        'selector', 'matchLabels', 'replicas', 'volumes', 'volumeMounts', 'mountPath', 'persistentVolumeClaim', 'claimName', 'command', 'env',
        'value', 'valueFrom', 'jobTemplate', 'schedule', 'backoffLimit', 'lifecycle', 'preStop', 'exec', 'app', 'imagePullPolicy', 'annotations'),
      tie('tree'),
      { maxKeys: 5 },
    ),
    fc.array(tie('tree'), { maxLength: 3 }),
  ),
}));

/** A Kubernetes-shaped object: apiVersion, kind, and a few of the top-level keys holding random trees. */
export const manifestObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom(...API_VERSIONS), fc.constantFrom(...KINDS), fc.dictionary(fc.constantFrom('metadata', 'spec', 'data', 'status'), tree, { maxKeys: 3 }))
  .map(([apiVersion, kind, body]) => ({ apiVersion, kind, ...(body as object) }));

export const randomManifest: fc.Arbitrary<string> = fc
  .tuple(manifestObject, fc.boolean())
  .map(([object, flow]) => {
    const { apiVersion, kind } = object;
    try {
      return stringify(object, { collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 });
    } catch {
      return `apiVersion: ${apiVersion}\nkind: ${kind}\n`;
    }
  });

/** Any of the above; multi-document files are made by joining a few. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: mutatedCorpusManifest },
  { weight: 3, arbitrary: randomManifest },
  { weight: 1, arbitrary: tokenSoup },
  { weight: 1, arbitrary: fc.array(fc.oneof(randomManifest, mutatedCorpusManifest, tokenSoup), { minLength: 2, maxLength: 3 }).map((parts) => parts.join('\n---\n')) },
);
