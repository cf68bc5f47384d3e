// A Job's status over time, in the words kubectl uses for it: the STATUS column of
// `kubectl get jobs`, the "Pods Statuses" line of `kubectl describe job`, and its conditions.
import { SegmentBuilder, type Segment, type Tone } from './segments';
import type { SimulatedJob, SimulatedJobCondition, SimulationFrame } from './simulationResult';

export interface JobLane {
  name: string;
  /** STATUS and pod counts. */
  status: Segment[];
  /** The conditions that are True. */
  conditions: Segment[];
}

/** STATUS of `kubectl get jobs` (printJob): the first of Complete, Failed, Suspended, FailureTarget; else Running. */
export function jobStatus(job: SimulatedJob): string {
  for (const type of ['Complete', 'Failed', 'Suspended', 'FailureTarget'] as const) {
    if (job.conditions.some((c) => c.type === type)) return type;
  }
  return 'Running';
}

/** `kubectl describe job`'s line: `1 Active (0 Ready) / 0 Succeeded / 2 Failed`; an Indexed Job's completed indexes after it. */
export function podsStatuses(job: SimulatedJob): string {
  const terminating = job.terminating > 0 ? ` / ${job.terminating} Terminating` : '';
  const completed = job.completedIndexes === undefined ? '' : `; Completed Indexes: ${job.completedIndexes || '<none>'}`;
  const failed = job.failedIndexes === undefined ? '' : `; Failed Indexes: ${job.failedIndexes || '<none>'}`;
  return `${job.active} Active (${job.ready} Ready) / ${job.succeeded} Succeeded / ${job.failed} Failed${terminating}${completed}${failed}`;
}

export function jobTone(job: SimulatedJob): Tone {
  const status = jobStatus(job);
  if (status === 'Complete') return 'completed';
  if (status === 'Failed') return 'failed';
  if (status === 'FailureTarget' || job.conditions.some((c) => c.type === 'SuccessCriteriaMet')) return 'terminating';
  return job.active > 0 ? 'running' : 'waiting';
}

export function conditionText(c: SimulatedJobCondition): string {
  const why = [c.reason, c.message].filter((part): part is string => !!part).join(': ');
  return why ? `${c.type} (${why})` : c.type;
}

function jobLabel(job: SimulatedJob): string {
  return [jobStatus(job), `${job.active} active`, `${job.succeeded} succeeded`, `${job.failed} failed`].join(' · ');
}

/** One status lane and one condition lane per Job met in the frames, in order of appearance. */
export function buildJobLanes(frames: readonly SimulationFrame[], end: number): JobLane[] {
  const lanes = new Map<string, { status: SegmentBuilder; conditions: SegmentBuilder }>();
  for (const frame of frames) {
    const present = new Set<string>();
    for (const job of frame.jobs ?? []) {
      present.add(job.name);
      let lane = lanes.get(job.name);
      if (!lane) lanes.set(job.name, (lane = { status: new SegmentBuilder(), conditions: new SegmentBuilder() }));
      lane.status.enter(frame.at, jobTone(job), jobLabel(job), `job ${job.name}: ${jobStatus(job)}; pods: ${podsStatuses(job)}`);
      if (job.conditions.length === 0) lane.conditions.close(frame.at);
      else {
        const label = job.conditions.map((c) => c.type).join(', ');
        lane.conditions.enter(frame.at, jobTone(job), label, job.conditions.map(conditionText).join('; '));
      }
    }
    for (const [name, lane] of lanes) {
      if (present.has(name)) continue;
      lane.status.close(frame.at);
      lane.conditions.close(frame.at);
    }
  }
  return [...lanes].map(([name, lane]) => ({ name, status: lane.status.finish(end), conditions: lane.conditions.finish(end) }));
}
