import type { Severity } from './finding';

export type RuleCategory = 'api' | 'schema' | 'best-practice' | 'security' | 'cross-resource';

export interface RuleMeta {
  /** Stable kebab-case id: the diagnostic code. */
  id: string;
  severity: Severity;
  category: RuleCategory;
  /** One line, shown in docs/rules.md. */
  description: string;
  docsUrl: string;
  fixable: boolean;
}
