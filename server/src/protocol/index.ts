// Podlab's own requests and notifications, with their params and results: the one definition the server
// (server/src/lsp), the extension (client/src) and the panel's page (client/webview) all import.
// Types and method names only, so the page can import it without bundling anything of the server.
import type { Scenario, SimulationResult } from '../simulation/types';

export type * from '../simulation/types';

/** `podlab/simulate` params (DESIGN.md): `resourceIndex` counts the document's resources from 0; default: the first Pod-making one. */
export interface SimulateParams {
  uri: string;
  resourceIndex?: number;
  scenario?: Scenario;
}

/** One resource of a document, as `podlab/resources` lists them for the client's pickers and the panel. */
export interface DocumentResource {
  index: number;
  kind: string;
  name: string;
  startLine: number;
  endLine: number;
  simulatable: boolean;
}

/** Sent with each document's diagnostics: whether it holds a Kubernetes object (the editor's `podlab.isManifest`). */
export interface ManifestStatusParams {
  uri: string;
  isManifest: boolean;
}

/** Sent when the first full read of the workspace folders ends. */
export interface WorkspaceIndexedParams {
  files: number;
  resources: number;
  milliseconds: number;
}

/** Each request: its params and its result (null: the document is not open). */
export interface PodlabRequests {
  'podlab/simulate': { params: SimulateParams; result: SimulationResult | null };
  'podlab/resources': { params: { uri: string }; result: DocumentResource[] };
}

/** Each notification, server to client: its params. */
export interface PodlabNotifications {
  'podlab/manifestStatus': ManifestStatusParams;
  'podlab/workspaceIndexed': WorkspaceIndexedParams;
}

export type PodlabRequest = keyof PodlabRequests;
export type PodlabNotification = keyof PodlabNotifications;
export type ParamsOf<M extends PodlabRequest> = PodlabRequests[M]['params'];
export type ResultOf<M extends PodlabRequest> = PodlabRequests[M]['result'];

export const SIMULATE_REQUEST = 'podlab/simulate' satisfies PodlabRequest;
export const RESOURCES_REQUEST = 'podlab/resources' satisfies PodlabRequest;
export const MANIFEST_STATUS_NOTIFICATION = 'podlab/manifestStatus' satisfies PodlabNotification;
export const WORKSPACE_INDEXED_NOTIFICATION = 'podlab/workspaceIndexed' satisfies PodlabNotification;
