// The parts of a pod spec the kubelet model needs, read from plain JSON with API defaults applied.
import { TERMINATION_GRACE_PERIOD_SECONDS, type RestartPolicy } from '../k8s/defaults';
import { pullPolicyOf, type PullPolicy } from '../k8s/image';
import { containerRole, podSpecPath } from '../k8s/podSpec';
import { quantityToMilli, quantityToValue, readQuantity, type Quantity } from '../k8s/quantity';
import { arrayAt, isObject, numberAt, objectAt, stringAt, type Json } from './json';
import { readProbe, type ProbeSpec } from './probes';
import type { ContainerRole } from './types';

export type { RestartPolicy };

export interface Requests {
  cpuMilli: number;
  memoryBytes: number;
}

export interface ContainerSpec {
  name: string;
  image: string;
  pullPolicy: PullPolicy;
  role: ContainerRole;
  /** `spec.initContainers{name}` or `spec.containers{name}`. */
  fieldPath: string;
  startupProbe?: ProbeSpec;
  readinessProbe?: ProbeSpec;
  livenessProbe?: ProbeSpec;
  /** Seconds the preStop hook takes, when one is set (read from `sleep` actions and `sleep N` commands). */
  preStopSeconds?: number;
  requests: Requests;
  /** A regular container's own restartPolicy (ContainerRestartRules, 1.35+); it wins over the pod's. */
  restartPolicy?: RestartPolicy;
  /** `restartPolicyRules` with action Restart, in order. */
  restartRules?: RestartRule[];
}

export interface RestartRule {
  operator: 'In' | 'NotIn';
  values: number[];
}

export interface PodSpecOptions {
  /** The ContainerRestartRules gate is on (Kubernetes 1.35+). */
  containerRestartRules?: boolean;
}

function restartRulesOf(container: Json): RestartRule[] {
  return arrayAt(container, 'restartPolicyRules')
    .filter((rule) => stringAt(rule, 'action') === 'Restart')
    .map((rule) => {
      const codes = objectAt(rule, 'exitCodes');
      return {
        operator: stringAt(codes, 'operator') === 'NotIn' ? 'NotIn' as const : 'In' as const,
        values: arrayAt(codes, 'values').filter((v): v is number => typeof v === 'number'),
      };
    });
}

export interface PodSpecModel {
  restartPolicy: RestartPolicy;
  terminationGracePeriodSeconds: number;
  containers: ContainerSpec[];
  claimNames: string[];
  hasReadinessGates: boolean;
  requests: Requests;
}

/** A request as the scheduler counts it; unreadable or negative (rejected by the API) counts as none. */
function nonNegative(raw: unknown, unit: (q: Quantity) => number): number {
  const quantity = readQuantity(raw);
  return quantity && quantity.nanos > 0n ? unit(quantity) : 0;
}

function requestsOf(container: Json): Requests {
  const resources = objectAt(container, 'resources');
  const pick = (key: string): unknown => objectAt(resources, 'requests')?.[key] ?? objectAt(resources, 'limits')?.[key];
  return {
    cpuMilli: nonNegative(pick('cpu'), quantityToMilli),
    memoryBytes: nonNegative(pick('memory'), quantityToValue),
  };
}

function preStopSecondsOf(container: Json): number | undefined {
  const preStop = objectAt(container, 'lifecycle', 'preStop');
  if (!preStop) return undefined;
  const sleep = numberAt(objectAt(preStop, 'sleep'), 'seconds');
  if (sleep !== undefined) return sleep;
  const command = arrayAt(objectAt(preStop, 'exec'), 'command').filter((part) => typeof part === 'string').join(' ');
  const match = /\bsleep\s+(\d+(?:\.\d+)?)\b/.exec(command);
  return match ? Number(match[1]) : 0;
}

function readContainer(raw: unknown, index: number, list: 'initContainers' | 'containers', podIp: string, options: PodSpecOptions): ContainerSpec {
  const container = isObject(raw) ? raw : {};
  const name = stringAt(container, 'name') || `${list === 'containers' ? 'container' : 'init'}-${index}`;
  const image = stringAt(container, 'image') ?? '';
  const role = containerRole(list, stringAt(container, 'restartPolicy')) as ContainerRole;
  const probesAllowed = role !== 'init';
  const spec: ContainerSpec = {
    name,
    image,
    pullPolicy: pullPolicyOf(container.imagePullPolicy, image),
    role,
    fieldPath: `spec.${list}{${name}}`,
    requests: requestsOf(container),
  };
  const own = stringAt(container, 'restartPolicy');
  if (role === 'app' && options.containerRestartRules && (own === 'Always' || own === 'OnFailure' || own === 'Never')) {
    spec.restartPolicy = own;
    spec.restartRules = restartRulesOf(container);
  }
  if (probesAllowed) {
    const startup = readProbe(container, 'startup', podIp);
    const readiness = readProbe(container, 'readiness', podIp);
    const liveness = readProbe(container, 'liveness', podIp);
    if (startup) spec.startupProbe = startup;
    if (readiness) spec.readinessProbe = readiness;
    if (liveness) spec.livenessProbe = liveness;
    const preStop = preStopSecondsOf(container);
    if (preStop !== undefined) spec.preStopSeconds = preStop;
  }
  return spec;
}

/** The pod's effective request: max(app + sidecars, each init + the sidecars started before it). */
function podRequests(containers: ContainerSpec[]): Requests {
  const sum = (list: ContainerSpec[], key: keyof Requests): number => list.reduce((total, c) => total + c.requests[key], 0);
  const long = containers.filter((c) => c.role !== 'init');
  let cpu = sum(long, 'cpuMilli');
  let memory = sum(long, 'memoryBytes');
  const sidecarsSoFar: ContainerSpec[] = [];
  for (const c of containers) {
    if (c.role === 'sidecar') sidecarsSoFar.push(c);
    if (c.role !== 'init') continue;
    cpu = Math.max(cpu, c.requests.cpuMilli + sum(sidecarsSoFar, 'cpuMilli'));
    memory = Math.max(memory, c.requests.memoryBytes + sum(sidecarsSoFar, 'memoryBytes'));
  }
  return { cpuMilli: cpu, memoryBytes: memory };
}

export function readPodSpec(raw: unknown, podIp: string, options: PodSpecOptions = {}): PodSpecModel {
  const spec = isObject(raw) ? raw : {};
  const policy = stringAt(spec, 'restartPolicy');
  const containers = [
    ...arrayAt(spec, 'initContainers').map((c, i) => readContainer(c, i, 'initContainers', podIp, options)),
    ...arrayAt(spec, 'containers').map((c, i) => readContainer(c, i, 'containers', podIp, options)),
  ];
  const claimNames = arrayAt(spec, 'volumes')
    .map((volume) => stringAt(objectAt(volume, 'persistentVolumeClaim'), 'claimName'))
    .filter((name): name is string => typeof name === 'string' && name !== '');
  return {
    restartPolicy: policy === 'OnFailure' || policy === 'Never' ? policy : 'Always',
    terminationGracePeriodSeconds: numberAt(spec, 'terminationGracePeriodSeconds') ?? TERMINATION_GRACE_PERIOD_SECONDS,
    containers,
    claimNames,
    hasReadinessGates: arrayAt(spec, 'readinessGates').length > 0,
    requests: podRequests(containers),
  };
}

/** The pod spec a resource of this kind makes pods from (Pod, workload template, CronJob's job template). */
export function podSpecOf(kind: string, resource: unknown): Json | undefined {
  return objectAt(resource, ...(podSpecPath(kind) ?? ['spec', 'template', 'spec']));
}

/** Names of the init and app containers of the resource's pods. */
export function containerNamesOf(kind: string, resource: unknown): string[] {
  const spec = podSpecOf(kind, resource);
  return [...arrayAt(spec, 'initContainers'), ...arrayAt(spec, 'containers')]
    .map((c) => stringAt(c, 'name'))
    .filter((name): name is string => typeof name === 'string');
}
