import { ResponseError } from 'vscode-languageserver';
import type { ManifestFile } from '../../parse/model';
import { simulate } from '../../simulation';
import type { SimulateParams, SimulationResult } from '../../protocol';
import type { WorkspaceView } from '../../workspace/view';
import { isSimulatable } from './resources';
import { relatedOf, withRanges } from './simulationRelated';
import { renderWithValues } from '../../analysis/renderWithValues';
import type { ChartValues } from '../../hovers/helmValues';

export interface SimulateContext {
  workspace?: WorkspaceView;
  /** podlab.kubernetesVersion */
  kubernetesVersion?: string;
  /** The values.yaml of the chart a template belongs to (a template is simulated only as rendered with it). */
  chartValues?: () => ChartValues | undefined;
}

export type { SimulateParams };

export const NO_SIMULATABLE_RESOURCE = 1;
/** A Helm template whose actions are more than `.Values` lookups (or whose values are not set): render it first. */
export const NEEDS_RENDERING = 2;

function describeMissing(file: ManifestFile, index: number | undefined): string {
  if (index === undefined) return 'This document has no Pod-making resource (Pod, Deployment, Job, ...) to simulate.';
  const resource = file.resources[index];
  if (!resource) return `resourceIndex ${index} is out of range: this document has ${file.resources.length} resource(s), counted from 0.`;
  return `Resource ${index} (${resource.kind ?? 'no kind'}) makes no pods, so there is nothing to simulate.`;
}

/**
 * Answers `podlab/simulate`. `resourceIndex` counts the document's resources from 0; without it the first
 * Pod-making resource is simulated. The request's scenario wins over the one written in annotations. A Helm template is
 * simulated only as rendered with its chart's values.yaml (see renderWithValues), never with its actions masked.
 */
export function simulateResource(file: ManifestFile, params: SimulateParams, context: SimulateContext = {}): SimulationResult {
  const index = params.resourceIndex;
  if (index !== undefined && index !== null && !(typeof index === 'number' && Number.isInteger(index) && index >= 0)) {
    throw new ResponseError(NO_SIMULATABLE_RESOURCE, `resourceIndex must be a whole number from 0, got ${JSON.stringify(index)}.`);
  }
  const resource = typeof index === 'number' ? file.resources[index] : file.resources.find(isSimulatable);
  if (!resource || !resource.object || !isSimulatable(resource)) {
    throw new ResponseError(NO_SIMULATABLE_RESOURCE, describeMissing(file, typeof index === 'number' ? index : undefined));
  }
  const rendering = file.template ? renderWithValues(file, resource, context.chartValues?.()) : { object: resource.object };
  if ('reason' in rendering) throw new ResponseError(NEEDS_RENDERING, `This is a Helm template: the preview needs the values of its actions. ${rendering.reason}`);
  // In a template, the other objects are not known until rendered either.
  const related = file.template ? {} : relatedOf(file, resource, params.uri, context.workspace);
  const input = { resource: rendering.object, related, ...(context.kubernetesVersion ? { kubernetesVersion: context.kubernetesVersion } : {}) };
  const result = simulate(input, params.scenario);
  return result.refused ? { ...result, refused: withRanges(file, resource, result.refused) } : result;
}
