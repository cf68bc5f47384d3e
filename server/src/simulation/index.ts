// podlab's pod lifecycle simulator: a pure, deterministic function from a manifest
// object and a scenario to events and frames. See docs/simulation.md.
import { DEFAULT_NAMESPACE } from '../k8s/defaults';
import { apiRejection } from './admission';
import { Cluster } from './cluster';
import { CRASH_BACKOFF_MAX, PULL_SECONDS } from './defaults';
import { DeploymentController } from './deployment';
import { Engine } from './engine';
import { EventLog } from './events';
import { isObject, objectAt, stringAt, type Json } from './json';
import { nameSuffix } from './names';
import { horizonOf, mergeScenarios, readScenario, scenarioAnnotations } from './scenario';
import { containerNamesOf } from './spec';
import { refusalMessage, refusalsOf } from './refusal';
import { castFor, Ensemble } from './cast';
import { CronJobController } from './cronjob';
import type { RefusalError, Scenario, SimulationInput, SimulationResult } from './types';
import { slotControllerFor } from './workloads';
import { CRASH_LOOP_MAX_SINCE, minorVersionOf, type Controller, type World } from './world';

export { readScenario, scenarioAnnotations, scenarioFromAnnotations } from './scenario';
export type * from './types';

function emptyResult(kind: string, name: string, message: string): SimulationResult {
  return {
    resource: { kind, name },
    events: [{ at: 0, type: 'Warning', reason: 'NotSimulated', object: kind ? `${kind.toLowerCase()}/${name}` : 'resource', message, source: 'podlab' }],
    frames: [{ at: 0, pods: [] }],
    horizon: 0,
  };
}

function resourceName(metadata: Json | undefined, kind: string): string {
  const name = stringAt(metadata, 'name');
  if (name) return name;
  const generateName = stringAt(metadata, 'generateName');
  if (generateName) return `${generateName}${nameSuffix(generateName)}`;
  return kind.toLowerCase() || 'unnamed';
}

/** Knobs that are well formed but name nothing in this resource, or cannot act on its kind or Kubernetes version. */
function knobsThatDoNotApply(scenario: Scenario, kind: string, resource: Json, minorVersion: number): string[] {
  const problems: string[] = [];
  const max = scenario.maxContainerRestartPeriod;
  if (max !== undefined && (max < 1 || max > CRASH_BACKOFF_MAX)) problems.push(`scenario.maxContainerRestartPeriod: the kubelet accepts 1 to ${CRASH_BACKOFF_MAX} s, got ${max}; ignored.`);
  else if (max !== undefined && minorVersion < CRASH_LOOP_MAX_SINCE) {
    problems.push(`scenario.maxContainerRestartPeriod: needs Kubernetes 1.${CRASH_LOOP_MAX_SINCE} (KubeletCrashLoopBackOffMax is off in 1.${minorVersion}); ignored.`);
  }
  const names = new Set(containerNamesOf(kind, resource));
  for (const key of ['containers', 'rolloutContainers'] as const) {
    for (const name of Object.keys(scenario[key] ?? {})) {
      if (!names.has(name)) problems.push(`scenario.${key}.${name}: no container named "${name}" in this ${kind || 'resource'}; ignored.`);
    }
  }
  if (kind !== 'Deployment') {
    for (const key of ['rolloutAt', 'rolloutImage', 'rolloutContainers'] as const) {
      if (scenario[key] !== undefined) problems.push(`scenario.${key}: only a Deployment rolls out a new revision; ignored.`);
    }
  } else if (scenario.rolloutAt === 0) problems.push('scenario.rolloutAt: a rollout needs a time after 0 (the Deployment is created at 0); ignored.');
  return problems;
}

function controllerFor(world: World, kind: string, name: string, resource: Json): Controller | undefined {
  if (kind === 'Deployment') return new DeploymentController(world, name, resource);
  return slotControllerFor(world, kind, name, resource);
}

/** The partners' controllers: same cluster, pods and clock; the scenario's rollout and deletion are the resource's own. */
function partnerControllers(world: World, partners: Json[]): Controller[] {
  const { rolloutAt: _rolloutAt, rolloutImage: _rolloutImage, deleteAt: _deleteAt, ...shared } = world.scenario;
  const out: Controller[] = [];
  for (const partner of partners) {
    const kind = String(partner.kind);
    const name = resourceName(objectAt(partner, 'metadata'), kind);
    if (refusalsOf(kind, partner, world.minorVersion).length > 0) continue;
    const controller = controllerFor({ ...world, scenario: shared, owner: `${kind.toLowerCase()}/${name}` }, kind, name, partner);
    if (controller) out.push(controller);
  }
  return out;
}

function refusedResult(kind: string, name: string, errors: RefusalError[]): SimulationResult {
  const result = emptyResult(kind, name, `Not simulated: the API server would refuse it. ${refusalMessage(kind, name, errors)}`);
  return { ...result, refused: errors };
}

function run(input: SimulationInput, rawScenario: unknown): SimulationResult {
  const resource = isObject(input) && isObject(input.resource) ? input.resource : undefined;
  if (!resource) return emptyResult('', '', 'Nothing to simulate: the input is not a Kubernetes object.');
  const kind = typeof resource.kind === 'string' ? resource.kind : '';
  const metadata = objectAt(resource, 'metadata');
  const name = resourceName(metadata, kind);
  const rejected = apiRejection(kind, resource);
  if (rejected) return emptyResult(kind, name, rejected);
  const annotations = scenarioAnnotations(resource);
  const requested = isObject(rawScenario) ? rawScenario : {};
  const read = readScenario(mergeScenarios(annotations.raw, requested));
  const scenario: Scenario = read.scenario;
  const minorVersion = minorVersionOf(input.kubernetesVersion);
  const problems = [...annotations.problems, ...read.problems, ...knobsThatDoNotApply(scenario, kind, resource, minorVersion)];
  if (rawScenario !== undefined && rawScenario !== null && !isObject(rawScenario)) problems.unshift('scenario: expected an object; ignored.');
  const world: World = {
    cluster: new Cluster(scenario.cachedImages ?? []),
    events: new EventLog(),
    scenario,
    namespace: stringAt(metadata, 'namespace') || DEFAULT_NAMESPACE,
    pullSeconds: scenario.pullSeconds ?? PULL_SECONDS,
    pods: [],
    runs: new Map(),
    minorVersion,
  };
  const ref = `${kind.toLowerCase()}/${name}`;
  for (const problem of problems) world.events.add(0, 'Warning', 'InvalidScenario', ref, problem, 'podlab');
  const refusals = refusalsOf(kind, resource, world.minorVersion);
  if (refusals.length > 0) return refusedResult(kind, name, refusals);
  const cast = castFor(resource, input.related?.services ?? [], input.related?.workloads ?? [], scenario);
  if (cast.partners.length > 0) world.owner = ref;
  const lead = controllerFor(world, kind, name, resource);
  if (!lead) return emptyResult(kind, name, `Nothing to simulate: a ${kind || 'resource without a kind'} makes no pods.`);
  const partners = partnerControllers(world, cast.partners);
  const controller = partners.length > 0 ? new Ensemble(lead, partners) : lead;
  const claims = (input.related?.persistentVolumeClaims ?? []).filter(isObject);
  const { horizon, untilQuiet } = horizonOf(scenario);
  const result = new Engine(world, controller, { horizon, untilQuiet, claims, endpoints: cast.endpoints }).run();
  const clock = lead instanceof CronJobController ? { clockStart: new Date(lead.epoch * 1000).toISOString() } : {};
  return { resource: { kind, name }, events: world.events.events, frames: result.frames, horizon: result.horizon, ...clock };
}

/**
 * Simulates what the cluster does with the resource. The scenario written in the resource's annotations
 * applies, and `scenario`'s knobs win over it. Never throws: bad input gives a Warning event.
 */
export function simulate(input: SimulationInput, scenario?: Scenario | Record<string, unknown>): SimulationResult {
  try {
    return run(input, scenario);
  } catch (error) {
    const kind = isObject(input) && isObject(input.resource) && typeof input.resource.kind === 'string' ? input.resource.kind : '';
    return emptyResult(kind, '', `The simulation stopped on an unexpected input: ${error instanceof Error ? error.message : String(error)}`);
  }
}
