import type { Rule } from './types';
import invalidRestartPolicy from './invalid-restart-policy';

/** Every rule, in the order docs/rules.md lists them. */
export const RULES: readonly Rule[] = [invalidRestartPolicy];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
