import restartPolicy from './restartPolicy';
import type { HoverProvider } from './types';

/** Concept hovers, in the order their sections appear when several apply. */
export const HOVER_PROVIDERS: readonly HoverProvider[] = [restartPolicy];
