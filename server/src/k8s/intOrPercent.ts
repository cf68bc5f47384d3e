/**
 * IntOrString fields that hold a count or a percentage (rollingUpdate maxSurge/maxUnavailable, PDB minAvailable/
 * maxUnavailable), read and validated as the API server does: intstr.IntOrString decoding, then
 * ValidatePositiveIntOrPercent (a string must match `[0-9]+%`, an int must be >= 0) and IsNotMoreThan100Percent.
 */

export type IntOrPercent = { type: 'int'; value: number } | { type: 'percent'; value: number };

/** validation.IsValidPercent's message. */
export const PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%', or '93%', regex used for validation is '[0-9]+%')";

/** The decoded value, or why the API server refuses it (a message in its words). */
export function readIntOrPercent(raw: unknown): IntOrPercent | { problem: string } {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || Math.abs(raw) > 2 ** 31 - 1) return { problem: `cannot unmarshal number ${raw} into an int32: write a whole number or a percentage such as "25%"` };
    if (raw < 0) return { problem: 'must be greater than or equal to 0' };
    return { type: 'int', value: raw };
  }
  if (typeof raw === 'string') {
    if (!/^[0-9]+%$/.test(raw)) return { problem: PERCENT_MESSAGE };
    return { type: 'percent', value: Number(raw.slice(0, -1)) };
  }
  return { problem: 'must be an integer or percentage (e.g \'5%\')' };
}

/** Where a percentage may not pass 100% (IsNotMoreThan100Percent). */
export function percentProblem(value: IntOrPercent, atMost100: boolean): string | undefined {
  return atMost100 && value.type === 'percent' && value.value > 100 ? 'must not be greater than 100%' : undefined;
}

/** All the API's complaints about one written value, or none. */
export function intOrPercentProblem(raw: unknown, atMost100: boolean): string | undefined {
  const read = readIntOrPercent(raw);
  return 'problem' in read ? read.problem : percentProblem(read, atMost100);
}

/** GetScaledValueFromIntOrPercent: a percentage of `total`, rounded up or down; an int as it is. */
export function scaleIntOrPercent(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (value.type === 'int') return value.value;
  const exact = (value.value * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** The int-or-percent fields of each kind, with whether the API caps a percentage at 100%. */
export const INT_OR_PERCENT_FIELDS: Record<string, { path: readonly string[]; atMost100: boolean }[]> = {
  Deployment: [
    { path: ['spec', 'strategy', 'rollingUpdate', 'maxSurge'], atMost100: false },
    { path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], atMost100: true },
  ],
  DaemonSet: [
    { path: ['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge'], atMost100: true },
    { path: ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'], atMost100: true },
  ],
  StatefulSet: [{ path: ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'], atMost100: true }],
  PodDisruptionBudget: [
    { path: ['spec', 'minAvailable'], atMost100: true },
    { path: ['spec', 'maxUnavailable'], atMost100: true },
  ],
};
