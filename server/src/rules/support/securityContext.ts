import { mapAt, pairOf } from '../../yaml/nodes';
import { isScalar, type Scalar, type YAMLMap } from 'yaml';

/** A securityContext field as the container sees it: its own setting, else the pod's (for fields the pod level has). */
export function effectiveSetting(container: YAMLMap, podSpec: YAMLMap | undefined, key: string): Scalar | undefined {
  const own = pairOf(mapAt(container, 'securityContext') ?? emptyMap, key)?.value;
  if (isScalar(own)) return own;
  const pod = pairOf(mapAt(podSpec, 'securityContext') ?? emptyMap, key)?.value;
  return isScalar(pod) ? pod : undefined;
}

export function containerSetting(container: YAMLMap, key: string): Scalar | undefined {
  const node = pairOf(mapAt(container, 'securityContext') ?? emptyMap, key)?.value;
  return isScalar(node) ? node : undefined;
}

const emptyMap = { items: [] } as unknown as YAMLMap;
