import aliases from './aliases';
import fieldDocs from './fieldHover';
import deployments from './deployments';
import imagePullPolicy from './imagePullPolicy';
import initContainers from './initContainers';
import labels from './labels';
import persistentVolumeClaims from './persistentVolumeClaims';
import podPhases from './podPhases';
import probes from './probes';
import resources from './resources';
import restartPolicy from './restartPolicy';
import services from './services';
import sidecars from './sidecars';
import terminationGracePeriod from './terminationGracePeriod';
import volumes from './volumes';
import type { HoverProvider } from './types';

/** Concept hovers, in the order their sections appear when several apply; the API's field docs come last. */
export const HOVER_PROVIDERS: readonly HoverProvider[] = [
  podPhases,
  restartPolicy,
  sidecars,
  initContainers,
  probes,
  resources,
  persistentVolumeClaims,
  services,
  labels,
  deployments,
  imagePullPolicy,
  volumes,
  terminationGracePeriod,
  aliases,
  fieldDocs,
];
