// What the API server would refuse to create: the simulation shows the refusal instead of pods.
import { INT_OR_PERCENT_FIELDS, intOrPercentProblem } from '../k8s/intOrPercent';
import { CONTAINER_LISTS, podSpecPath } from '../k8s/podSpec';
import { QUANTITY_FORMAT_MESSAGE, readQuantity } from '../k8s/quantity';
import { arrayAt, isObject, objectAt } from './json';

function valueAt(resource: unknown, path: readonly string[]): unknown {
  const parent = objectAt(resource, ...path.slice(0, -1));
  return parent?.[path[path.length - 1]];
}

function intOrPercentRejection(kind: string, resource: unknown): string | undefined {
  for (const field of INT_OR_PERCENT_FIELDS[kind] ?? []) {
    const raw = valueAt(resource, field.path);
    if (raw === undefined || raw === null) continue;
    const problem = intOrPercentProblem(raw, field.atMost100);
    if (problem) return `${field.path.join('.')}: Invalid value: ${JSON.stringify(raw)}: ${problem}`;
  }
  return undefined;
}

function quantityRejection(kind: string, resource: unknown): string | undefined {
  const path = podSpecPath(kind);
  const spec = path ? objectAt(resource, ...path) : undefined;
  if (!path || !spec) return undefined;
  for (const list of CONTAINER_LISTS) {
    for (const [index, container] of arrayAt(spec, list).entries()) {
      for (const section of ['requests', 'limits']) {
        const values = objectAt(container, 'resources', section);
        for (const [name, raw] of Object.entries(isObject(values) ? values : {})) {
          if (raw === null || readQuantity(raw) !== undefined) continue;
          return `${[...path, `${list}[${index}]`, 'resources', section, name].join('.')}: ${JSON.stringify(raw)}: ${QUANTITY_FORMAT_MESSAGE}`;
        }
      }
    }
  }
  return undefined;
}

/** Why the API server would reject the resource (the first reason), or undefined when this check finds none. */
export function apiRejection(kind: string, resource: unknown): string | undefined {
  const reason = intOrPercentRejection(kind, resource) ?? quantityRejection(kind, resource);
  return reason ? `The API server rejects this ${kind}, so nothing runs: ${reason}` : undefined;
}
