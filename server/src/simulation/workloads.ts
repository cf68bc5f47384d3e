// Controllers for the other Pod-making kinds. Each keeps a fixed set of pod slots:
// a bare Pod, a Job's pod, a DaemonSet's pod per node, a StatefulSet's ordinals.
import { DEFAULT_REPLICAS } from '../k8s/defaults';
import { numberAt, objectAt, stringAt, type Json } from './json';
import { nameSuffix } from './names';
import { CronJobController } from './cronjob';
import { clockEpoch, readCronJobSpec } from './cronjobSpec';
import type { PodSim } from './pod';
import { JobController } from './job';
import { readJobSpec } from './jobSpec';
import { ReplicaSetSim } from './replicaset';
import type { ReplicaSetFrame } from './types';
import { createPod, labelsOf, type Controller, type World } from './world';

interface Slot {
  name: () => string;
  pod?: PodSim;
  nodeIndex?: number;
}

interface SlotOptions {
  /** Recreate a slot's pod after it was deleted: at once (`terminating`), once it is gone, or never. */
  replace: 'terminating' | 'gone' | 'never';
  /** Create slot i only when every earlier slot's pod is Running and Ready (StatefulSet OrderedReady). */
  ordered: boolean;
  /** `kind/name` of the controller and its SuccessfulCreate message. */
  owner: string;
  source: string;
  /** The SuccessfulCreate message; undefined: no event (a bare Pod is created by the user). */
  created?: (pod: string) => string;
  labels?: Record<string, string>;
}

export class SlotController implements Controller {
  constructor(
    private readonly world: World,
    private readonly podSpec: unknown,
    private readonly slots: Slot[],
    private readonly options: SlotOptions,
  ) {}

  private needsPod(slot: Slot): boolean {
    const pod = slot.pod;
    if (!pod) return true;
    if (this.options.replace === 'terminating') return pod.gone || pod.terminating;
    if (this.options.replace === 'gone') return pod.gone;
    return false;
  }

  sync(now: number): boolean {
    let changed = false;
    for (const slot of this.slots) {
      if (!this.needsPod(slot)) {
        if (this.options.ordered && !(slot.pod?.phase === 'Running' && slot.pod.ready)) break;
        continue;
      }
      if (slot.pod && this.options.replace === 'never') continue;
      const name = slot.name();
      const pod = createPod(this.world, name, this.podSpec, now, undefined, this.options.labels);
      if (!pod) break;
      if (slot.nodeIndex !== undefined) pod.pinnedNode = this.world.cluster.nodes[slot.nodeIndex];
      slot.pod = pod;
      const message = this.options.created?.(name);
      if (message) this.world.events.add(now, 'Normal', 'SuccessfulCreate', this.options.owner, message, this.options.source);
      changed = true;
      if (this.options.ordered) break;
    }
    return changed;
  }

  nextWake(): number {
    return Infinity;
  }

  livePods(): PodSim[] {
    return this.slots.map((slot) => slot.pod).filter((pod): pod is PodSim => pod !== undefined && !pod.gone);
  }
}

/** A standalone ReplicaSet (or ReplicationController): one ReplicaSetSim, no rollouts. */
class StandaloneReplicaSet implements Controller {
  private readonly rs: ReplicaSetSim;

  constructor(world: World, name: string, resource: Json) {
    const spec = objectAt(resource, 'spec') ?? {};
    const replicas = Math.floor(numberAt(spec, 'replicas') ?? DEFAULT_REPLICAS);
    this.rs = new ReplicaSetSim(world, name, 1, objectAt(spec, 'template') ?? {}, replicas);
  }

  sync(now: number): boolean {
    return this.rs.sync(now);
  }

  nextWake(): number {
    return Infinity;
  }

  livePods(): PodSim[] {
    return this.rs.pods.filter((pod) => !pod.gone);
  }

  replicaSetFrames(now: number): ReplicaSetFrame[] {
    return [this.rs.frame(now, 0)];
  }
}

function generated(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${nameSuffix(`${prefix}/${n++}`)}`;
}

function fixed(name: string): () => string {
  return () => name;
}

/** The controller for a non-Deployment kind, or undefined for kinds that make no pods. */
export function slotControllerFor(world: World, kind: string, name: string, resource: Json): Controller | undefined {
  const spec = objectAt(resource, 'spec');
  const templateSpec = objectAt(spec, 'template', 'spec');
  const created = (pod: string): string => `Created pod: ${pod}`;
  const templateLabels = labelsOf(objectAt(spec, 'template', 'metadata'));
  switch (kind) {
    case 'Pod':
      return new SlotController(world, spec, [{ name: fixed(name) }],
        { replace: 'never', ordered: false, owner: `pod/${name}`, source: 'kubelet', labels: labelsOf(objectAt(resource, 'metadata')) });
    case 'ReplicaSet':
    case 'ReplicationController':
      return new StandaloneReplicaSet(world, name, resource);
    case 'Job':
      return new JobController(world, name, readJobSpec(spec));
    case 'CronJob': {
      const model = readCronJobSpec(spec);
      return new CronJobController(world, name, model, clockEpoch(model, world.scenario.startTime));
    }
    case 'DaemonSet': {
      const next = generated(name);
      return new SlotController(world, templateSpec,
        world.cluster.nodes.map((_, i) => ({ name: next, nodeIndex: i })),
        { replace: 'terminating', ordered: false, owner: `daemonset/${name}`, source: 'daemonset-controller', created, labels: templateLabels });
    }
    case 'StatefulSet': {
      const replicas = Math.floor(numberAt(spec, 'replicas') ?? DEFAULT_REPLICAS);
      const ordered = stringAt(spec, 'podManagementPolicy') !== 'Parallel';
      const slots = Array.from({ length: Math.min(replicas, 1000) }, (_, i) => ({ name: fixed(`${name}-${i}`) }));
      return new SlotController(world, templateSpec, slots, {
        replace: 'gone', ordered, owner: `statefulset/${name}`, source: 'statefulset-controller', labels: templateLabels,
        created: (pod) => `create Pod ${pod} in StatefulSet ${name} successful`,
      });
    }
    default:
      return undefined;
  }
}
