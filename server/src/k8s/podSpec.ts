/** Where each kind keeps the spec of the pods it makes, and which role each container of a pod spec plays. */

/** The path from the resource's root to its pod spec, per Pod-making kind. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

export function podSpecPath(kind: string | undefined): readonly string[] | undefined {
  return kind ? POD_SPEC_PATHS[kind] : undefined;
}

export function isPodMakingKind(kind: string | undefined): boolean {
  return podSpecPath(kind) !== undefined;
}

/** The container lists of a pod spec, in the order the kubelet starts them. */
export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

/**
 * init: a regular init container (runs to completion before the next); sidecar: an init container with
 * `restartPolicy: Always` (a native sidecar, KEP-753); app: a regular container; ephemeral: a debugging container.
 */
export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral';

export function containerRole(list: string, restartPolicy: unknown): ContainerRole {
  if (list === 'containers') return 'app';
  if (list === 'ephemeralContainers') return 'ephemeral';
  return restartPolicy === 'Always' ? 'sidecar' : 'init';
}
