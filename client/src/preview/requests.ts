// The two server requests the panel makes (see DESIGN.md).
export const SIMULATE_REQUEST = 'podlab/simulate';
export const RESOURCES_REQUEST = 'podlab/resources';

/** The text to show for a failed request. */
export function requestErrorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
