import { ResponseError } from 'vscode-languageserver';
import type { ManifestFile } from '../parse/model';
import { scenarioFromAnnotations, simulate } from '../simulation';
import type { Scenario, SimulationResult } from '../simulation/types';
import { isSimulatable } from './resources';

export interface SimulateParams {
  uri: string;
  resourceIndex?: number;
  scenario?: Scenario;
}

export const NO_SIMULATABLE_RESOURCE = 1;

/** Answers `podlab/simulate`: the scenario from the request overrides the one written in annotations. */
export function simulateResource(file: ManifestFile, params: SimulateParams): SimulationResult {
  const resource = typeof params.resourceIndex === 'number'
    ? file.resources[params.resourceIndex]
    : file.resources.find(isSimulatable);
  if (!resource || !resource.object || !isSimulatable(resource)) {
    throw new ResponseError(NO_SIMULATABLE_RESOURCE, 'No Pod-making resource (Pod, Deployment, ...) at that index in this document.');
  }
  const persistentVolumeClaims = file.resources
    .filter((candidate) => candidate.kind === 'PersistentVolumeClaim' && candidate.object)
    .map((candidate) => candidate.object as Record<string, unknown>);
  const requested = params.scenario && typeof params.scenario === 'object' ? params.scenario : {};
  const scenario: Scenario = { ...scenarioFromAnnotations(resource.object), ...requested };
  return simulate({ resource: resource.object, related: { persistentVolumeClaims } }, scenario);
}
