import type { Resource } from '../../parse/model';
import { isPodMaking } from '../../k8s/workloads';
import type { DocumentResource } from '../../protocol';
import type { FeatureContext } from '../context';

/** What `podlab/resources` answers: the resources of a document, for the client's pickers and the preview. */
export function summarizeResources({ document, file }: FeatureContext): DocumentResource[] {
  return file.resources.map((resource) => ({
    index: resource.index,
    kind: resource.kind ?? '',
    name: resource.name ?? '',
    startLine: document.positionAt(resource.document.span[0]).line,
    endLine: document.positionAt(resource.document.span[1]).line,
    simulatable: isSimulatable(resource),
  }));
}

export function isSimulatable(resource: Resource): boolean {
  return resource.object !== undefined && isPodMaking(resource);
}
