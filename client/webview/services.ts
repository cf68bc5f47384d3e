// A Service's endpoints over time: which pods the EndpointSlice lists, with which
// conditions, and which of them kube-proxy sends new connections to.
import { SegmentBuilder, type Segment, type Tone } from './segments';
import type { SimulatedEndpoint, SimulatedService, SimulationFrame } from './simulationResult';

export interface EndpointLane {
  pod: string;
  segments: Segment[];
}

export interface ServiceLane {
  name: string;
  /** How many endpoints get traffic. */
  summary: Segment[];
  endpoints: EndpointLane[];
}

export function endpointState(e: SimulatedEndpoint): { tone: Tone; label: string } {
  if (e.traffic) return e.terminating ? { tone: 'terminating', label: 'gets traffic · terminating (no ready endpoint left)' } : { tone: 'ready', label: 'gets traffic' };
  if (e.terminating) return { tone: 'terminating', label: e.serving ? 'terminating · serving, no traffic' : 'terminating · not serving' };
  return e.ready ? { tone: 'running', label: 'ready, no traffic' } : { tone: 'false', label: 'not ready · no traffic' };
}

export function endpointDetail(service: string, e: SimulatedEndpoint): string {
  const flag = (name: string, value: boolean): string => `${name}=${value}`;
  return `service ${service}, endpoint ${e.pod}: ${flag('ready', e.ready)}, ${flag('serving', e.serving)}, ${flag('terminating', e.terminating)}; ${e.traffic ? 'kube-proxy sends new connections here' : 'no new connections'}`;
}

export function trafficSummary(service: SimulatedService): { tone: Tone; label: string; detail: string } {
  const traffic = service.endpoints.filter((e) => e.traffic);
  const label = `${traffic.length} of ${service.endpoints.length} endpoint${service.endpoints.length === 1 ? '' : 's'} get traffic`;
  const detail = traffic.length > 0 ? `traffic goes to ${traffic.map((e) => e.pod).join(', ')}` : 'no endpoint gets traffic: connections to the Service fail';
  return { tone: traffic.length > 0 ? 'ready' : 'problem', label, detail };
}

class ServiceTrack {
  readonly summary = new SegmentBuilder();
  readonly endpoints = new Map<string, SegmentBuilder>();

  record(at: number, service: SimulatedService): void {
    const summary = trafficSummary(service);
    const short = `${service.endpoints.filter((e) => e.traffic).length} of ${service.endpoints.length}`;
    this.summary.enter(at, summary.tone, summary.label, `service ${service.name}: ${summary.detail}`, short);
    const seen = new Set<string>();
    for (const e of service.endpoints) {
      seen.add(e.pod);
      let builder = this.endpoints.get(e.pod);
      if (!builder) this.endpoints.set(e.pod, (builder = new SegmentBuilder()));
      const state = endpointState(e);
      builder.enter(at, state.tone, state.label, endpointDetail(service.name, e));
    }
    for (const [pod, builder] of this.endpoints) if (!seen.has(pod)) builder.close(at);
  }

  gone(at: number): void {
    this.summary.close(at);
    for (const builder of this.endpoints.values()) builder.close(at);
  }
}

/** One lane group per Service met in the frames: a traffic summary and one lane per endpoint pod. */
export function buildServiceLanes(frames: readonly SimulationFrame[], end: number): ServiceLane[] {
  const tracks = new Map<string, ServiceTrack>();
  for (const frame of frames) {
    const present = new Set<string>();
    for (const service of frame.services ?? []) {
      present.add(service.name);
      let track = tracks.get(service.name);
      if (!track) tracks.set(service.name, (track = new ServiceTrack()));
      track.record(frame.at, service);
    }
    for (const [name, track] of tracks) if (!present.has(name)) track.gone(frame.at);
  }
  return [...tracks].map(([name, track]) => ({
    name,
    summary: track.summary.finish(end),
    endpoints: [...track.endpoints].map(([pod, builder]) => ({ pod, segments: builder.finish(end) })),
  }));
}
