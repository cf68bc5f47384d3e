// Who plays beside the simulated resource: the Services that select its pods, and the other workloads of
// the file those Services also select (the other colour of a blue/green pair, a canary).
import { DEFAULT_NAMESPACE } from '../k8s/defaults';
import { isObject, objectAt, stringAt, type Json } from './json';
import type { PodSim } from './pod';
import { readService, selects, ServiceEndpoints, templateLabels, type SelectorSwitch, type ServiceModel } from './service';
import type { CronJobFrame, DeploymentFrame, JobFrame, ReplicaSetFrame, Scenario } from './types';
import type { Controller } from './world';

const POD_MAKING = new Set(['Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob']);

export interface Cast {
  endpoints: ServiceEndpoints;
  /** Other workloads to play beside the resource. */
  partners: Json[];
}

function namespaceOf(resource: Json): string | undefined {
  return stringAt(objectAt(resource, 'metadata'), 'namespace');
}

/** Unset, a namespace is the one kubectl applies to; the simulation calls it `default`. */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return (a ?? DEFAULT_NAMESPACE) === (b ?? DEFAULT_NAMESPACE);
}

function identity(resource: Json): string {
  return `${String(resource.kind)}/${stringAt(objectAt(resource, 'metadata'), 'name') ?? ''}`;
}

function switchFor(services: ServiceModel[], labels: Record<string, string>, scenario: Scenario): SelectorSwitch | undefined {
  const { serviceSelectorAt: at, serviceSelector: selector } = scenario;
  if (at === undefined || !selector) return undefined;
  const now = services.filter((s) => selects(s.selector, labels));
  // Switching to the resource: the Services whose selector has the same keys as the new one.
  const keys = Object.keys(selector).sort().join(',');
  const targets = now.length > 0 ? now
    : selects(selector, labels) ? services.filter((s) => Object.keys(s.selector).sort().join(',') === keys) : [];
  return { at, selector, services: new Set(targets.map((s) => s.name)) };
}

/** The Services that select the resource's pods (before or after a selector switch), and the partners they bring. */
export function castFor(resource: Json, rawServices: unknown[], rawWorkloads: unknown[], scenario: Scenario): Cast {
  const labels = templateLabels(resource);
  const namespace = namespaceOf(resource);
  const candidates = rawServices.filter(isObject).filter((s) => sameNamespace(namespaceOf(s), namespace))
    .map(readService).filter((s): s is ServiceModel => s !== undefined);
  const selectorSwitch = switchFor(candidates, labels, scenario);
  const selectorsOf = (s: ServiceModel): Record<string, string>[] => selectorSwitch?.services.has(s.name) ? [s.selector, selectorSwitch.selector] : [s.selector];
  const services = candidates.filter((s) => selectorsOf(s).some((selector) => selects(selector, labels)));
  const self = identity(resource);
  const partners = rawWorkloads.filter(isObject)
    .filter((w) => POD_MAKING.has(String(w.kind)) && identity(w) !== self && sameNamespace(namespaceOf(w), namespace))
    .filter((w) => services.some((s) => selectorsOf(s).some((selector) => selects(selector, templateLabels(w)))));
  return { endpoints: new ServiceEndpoints(services, selectorSwitch), partners };
}

/** The resource's controller with its partners': the scenario's deletion and the Deployment status stay the resource's own. */
export class Ensemble implements Controller {
  constructor(private readonly lead: Controller, private readonly partners: Controller[]) {}

  sync(now: number): boolean {
    let changed = this.lead.sync(now);
    for (const partner of this.partners) if (partner.sync(now)) changed = true;
    return changed;
  }

  nextWake(now: number): number {
    return Math.min(this.lead.nextWake(now), ...this.partners.map((p) => p.nextWake(now)));
  }

  livePods(): PodSim[] {
    return this.lead.livePods();
  }

  replicaSetFrames(now: number): ReplicaSetFrame[] | undefined {
    const all = [this.lead, ...this.partners].flatMap((c) => c.replicaSetFrames?.(now) ?? []);
    return all.length > 0 ? all : undefined;
  }

  jobFrames(): JobFrame[] | undefined {
    return this.lead.jobFrames?.();
  }

  deploymentFrame(): DeploymentFrame | undefined {
    return this.lead.deploymentFrame?.();
  }

  cronJobFrame(now: number): CronJobFrame | undefined {
    return this.lead.cronJobFrame?.(now);
  }
}
