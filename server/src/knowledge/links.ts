/** Official kubernetes.io pages the explanations link to. */
export const DOCS = {
  podLifecycle: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/',
  restartPolicy: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
  containerRestarts: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts',
} as const;
