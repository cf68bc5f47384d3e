import { isMap, type YAMLMap } from 'yaml';
import { pairOf } from '../../yaml/nodes';

export const PROBE_KINDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

export interface ProbeView {
  kind: (typeof PROBE_KINDS)[number];
  node: YAMLMap;
}

export function probesOf(container: YAMLMap): ProbeView[] {
  return PROBE_KINDS.flatMap((kind) => {
    const node = pairOf(container, kind)?.value;
    return isMap(node) ? [{ kind, node }] : [];
  });
}
