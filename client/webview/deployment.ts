// A Deployment's status over time: what `kubectl rollout status` prints, and its
// Progressing and Available conditions as `kubectl describe deployment` lists them.
import { SegmentBuilder, type Segment, type Tone } from './segments';
import type { SimulatedDeployment, SimulatedDeploymentCondition, SimulationFrame } from './simulationResult';
import { conditionTone } from './states';

export interface DeploymentLanes {
  name: string;
  rollout: Segment[];
  conditions: { type: string; segments: Segment[] }[];
}

export function rolloutTone(status: string): Tone {
  if (/successfully rolled out/.test(status)) return 'ready';
  if (/exceeded its progress deadline/.test(status)) return 'problem';
  return 'running';
}

/** A word or two for what the rollout status line says. */
export function rolloutShort(status: string): string {
  const tone = rolloutTone(status);
  return tone === 'ready' ? 'rolled out' : tone === 'problem' ? 'deadline exceeded' : 'rolling out';
}

export function deploymentConditionTone(c: SimulatedDeploymentCondition): Tone {
  if (c.type === 'Progressing' && c.status === 'False') return 'problem';
  return conditionTone(c.status);
}

/** `kubectl get deployment`'s READY, UP-TO-DATE and AVAILABLE columns. */
export function deploymentColumns(d: SimulatedDeployment): string[] {
  return [`${d.ready}/${d.replicas}`, String(d.updated), String(d.available)];
}

export function buildDeploymentLanes(frames: readonly SimulationFrame[], end: number): DeploymentLanes | undefined {
  let name: string | undefined;
  const rollout = new SegmentBuilder();
  const conditions = new Map<string, SegmentBuilder>();
  for (const frame of frames) {
    const d = frame.deployment;
    if (!d) continue;
    name = d.name;
    const line = d.rolloutStatus.trim();
    if (line) rollout.enter(frame.at, rolloutTone(line), line, `kubectl rollout status deployment/${d.name}: ${line}`, rolloutShort(line));
    for (const c of d.conditions) {
      let builder = conditions.get(c.type);
      if (!builder) conditions.set(c.type, (builder = new SegmentBuilder()));
      builder.enter(frame.at, deploymentConditionTone(c), `${c.status} · ${c.reason}`, `${c.type} ${c.status} (${c.reason}): ${c.message}`);
    }
  }
  if (name === undefined) return undefined;
  return { name, rollout: rollout.finish(end), conditions: [...conditions].map(([type, builder]) => ({ type, segments: builder.finish(end) })) };
}
