import fieldDocs from '../schema/fieldHover';
import restartPolicy from './restartPolicy';
import type { HoverProvider } from './types';

/** Concept hovers, in the order their sections appear when several apply; the API's field docs come last. */
export const HOVER_PROVIDERS: readonly HoverProvider[] = [restartPolicy, fieldDocs];
