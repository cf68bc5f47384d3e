/** Job facts the API server checks: where a Job spec sits, and validateJobSpec's rule for Indexed Jobs. */

/** The path from the resource's root to the Job spec: a Job's own, or a CronJob's job template. */
export function jobSpecPath(kind: string | undefined): readonly string[] | undefined {
  return kind === 'Job' ? ['spec'] : kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : undefined;
}

/** What the API server says at `<job spec>.completions` of an Indexed Job that has none. */
export const INDEXED_NEEDS_COMPLETIONS = 'Required value: when completion mode is Indexed';
