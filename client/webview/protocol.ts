// Messages between the extension host (client/src/preview) and the panel's page.
import type { Scenario } from './scenario';
import type { SimulationResult, SourceRange } from './simulationResult';

/** What the panel shows, kept by the page (setState) so a reloaded window can restore it. */
export interface PanelState {
  uri: string;
  resourceIndex?: number;
  scenario: Scenario;
}

/** A resource of the document the panel can switch to. */
export interface ResourceChoice {
  index: number;
  kind: string;
  name: string;
}

export type HostMessage =
  | {
      type: 'show';
      state: PanelState;
      result: SimulationResult;
      resources: ResourceChoice[];
      /** The file's name, for the header. */
      documentName: string;
    }
  | {
      type: 'empty';
      state?: PanelState;
      message: string;
      detail?: string;
    };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'scenario'; scenario: Scenario }
  | { type: 'selectResource'; index: number }
  /** Show this place of the previewed document in its editor. */
  | { type: 'reveal'; range: SourceRange };

/** The page's whole saved state: the panel part for the host, the view part for the page. */
export interface SavedState {
  panel?: PanelState;
  view?: { time?: number; speed?: number; pod?: string; compact?: boolean };
}
