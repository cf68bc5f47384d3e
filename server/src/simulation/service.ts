// Services and their endpoints as the EndpointSlice controller writes them (workloads.md §3): which pods a
// Service selects, each endpoint's ready/serving/terminating conditions, the target port resolved per pod,
// and where kube-proxy sends new connections.
import { arrayAt, isObject, objectAt, stringAt, type Json } from './json';
import type { PodSim } from './pod';
import type { EndpointFrame, EndpointPort, ServiceFrame } from './types';

interface ServicePortModel {
  name?: string;
  protocol: string;
  /** A number is used as-is; a name is looked up in each pod's container ports. */
  target: number | string;
}

export interface ServiceModel {
  name: string;
  selector: Record<string, string>;
  publishNotReadyAddresses: boolean;
  ports: ServicePortModel[];
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

function readPort(raw: unknown): ServicePortModel | undefined {
  if (!isObject(raw)) return undefined;
  const port = typeof raw.port === 'number' ? raw.port : undefined;
  const target = typeof raw.targetPort === 'number' || (typeof raw.targetPort === 'string' && raw.targetPort !== '') ? raw.targetPort : port;
  if (target === undefined) return undefined;
  const name = stringAt(raw, 'name');
  return { protocol: stringAt(raw, 'protocol') ?? 'TCP', target, ...(name ? { name } : {}) };
}

/** A Service the EndpointSlice controller manages: it has a selector and is not ExternalName; else undefined. */
export function readService(raw: unknown): ServiceModel | undefined {
  if (!isObject(raw) || raw.kind !== 'Service') return undefined;
  const spec = objectAt(raw, 'spec');
  if (!spec || !isObject(spec.selector) || stringAt(spec, 'type') === 'ExternalName') return undefined;
  return {
    name: stringAt(objectAt(raw, 'metadata'), 'name') ?? 'service',
    selector: stringMap(spec.selector),
    publishNotReadyAddresses: spec.publishNotReadyAddresses === true,
    ports: arrayAt(spec, 'ports').map(readPort).filter((p): p is ServicePortModel => p !== undefined),
  };
}

/** A Service selector: every pair among the labels. An empty selector selects nothing here (it would select every pod). */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((key) => labels[key] === selector[key]);
}

/** FindPort: the first container port of that name and protocol, in app containers, then in sidecars. */
function findPort(podSpec: unknown, name: string, protocol: string): number | undefined {
  const sidecars = arrayAt(podSpec, 'initContainers').filter((c) => stringAt(c, 'restartPolicy') === 'Always');
  for (const container of [...arrayAt(podSpec, 'containers'), ...sidecars]) {
    for (const port of arrayAt(container, 'ports')) {
      if (stringAt(port, 'name') === name && (stringAt(port, 'protocol') ?? 'TCP') === protocol && isObject(port) && typeof port.containerPort === 'number') return port.containerPort;
    }
  }
  return undefined;
}

function endpointPorts(service: ServiceModel, pod: PodSim): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const port of service.ports) {
    const number = typeof port.target === 'number' ? port.target : findPort(pod.rawSpec, port.target, port.protocol);
    if (number !== undefined) out.push({ port: number, protocol: port.protocol, ...(port.name ? { name: port.name } : {}) });
  }
  return out;
}

/** Services whose selector may change over the run (a blue/green switch). */
export interface SelectorSwitch {
  at: number;
  selector: Record<string, string>;
  services: Set<string>;
}

export class ServiceEndpoints {
  /** Pods that have had an IP (the sandbox came up): only those get endpoints. */
  private readonly withIp = new Set<PodSim>();

  constructor(private readonly services: ServiceModel[], private readonly selectorSwitch?: SelectorSwitch) {}

  get empty(): boolean {
    return this.services.length === 0;
  }

  selectorAt(service: ServiceModel, now: number): Record<string, string> {
    const change = this.selectorSwitch;
    return change && now >= change.at && change.services.has(service.name) ? change.selector : service.selector;
  }

  /** When the selector switch happens, if it is still ahead. */
  nextWake(now: number): number {
    const at = this.selectorSwitch?.at;
    return at !== undefined && at > now ? at : Infinity;
  }

  /** Endpoint objects by pod and by what they say: unchanged endpoints (and Services) stay the same objects. */
  private readonly endpointCache = new Map<PodSim, Map<string, EndpointFrame>>();
  private readonly last = new Map<string, ServiceFrame>();

  private endpoint(service: ServiceModel, pod: PodSim, traffic: boolean): EndpointFrame {
    const serving = pod.ready;
    const terminating = pod.terminating;
    let byKey = this.endpointCache.get(pod);
    if (!byKey) this.endpointCache.set(pod, byKey = new Map());
    const key = `${service.name}|${serving}|${terminating}|${traffic}`;
    let found = byKey.get(key);
    if (!found) {
      const ports = byKey.get(service.name)?.ports ?? endpointPorts(service, pod);
      found = { pod: pod.name, ready: service.publishNotReadyAddresses || (serving && !terminating), serving, terminating, traffic, ports };
      byKey.set(key, found);
      byKey.set(service.name, found);
    }
    return found;
  }

  private serviceFrame(service: ServiceModel, pods: PodSim[], now: number): ServiceFrame {
    const selector = this.selectorAt(service, now);
    const members = pods.filter((pod) => !pod.gone && !pod.terminal && this.withIp.has(pod) && selects(selector, pod.labels));
    const isReady = (pod: PodSim): boolean => service.publishNotReadyAddresses || (pod.ready && !pod.terminating);
    const anyReady = members.some(isReady);
    const endpoints = members.map((pod) => this.endpoint(service, pod, anyReady ? isReady(pod) : pod.ready && pod.terminating));
    const previous = this.last.get(service.name);
    if (previous && previous.selector === selector && previous.endpoints.length === endpoints.length && previous.endpoints.every((e, i) => e === endpoints[i])) return previous;
    const frame = { name: service.name, selector, endpoints };
    this.last.set(service.name, frame);
    return frame;
  }

  /** Every Service's endpoints for the pods as they are at `now`; an unchanged Service is the same object as before. */
  frames(pods: PodSim[], now: number): ServiceFrame[] {
    for (const pod of pods) if (pod.conditions.PodReadyToStartContainers === 'True') this.withIp.add(pod);
    return this.services.map((service) => this.serviceFrame(service, pods, now));
  }
}

/** The labels a workload's pods get from its template. */
export function templateLabels(resource: Json): Record<string, string> {
  const kind = resource.kind;
  const metadata = kind === 'Pod' ? objectAt(resource, 'metadata')
    : kind === 'CronJob' ? objectAt(resource, 'spec', 'jobTemplate', 'spec', 'template', 'metadata')
      : objectAt(resource, 'spec', 'template', 'metadata');
  return stringMap(metadata?.labels);
}
