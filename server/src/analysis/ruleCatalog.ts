import { ruleDocsUrl } from '../findings/docsUrl';
import type { Severity } from '../findings/finding';
import { RULES } from '../rules';
import { SCHEMA_CODES } from '../schema/codes';
import { NOTICES } from './rulesDoc';

export interface CatalogEntry {
  id: string;
  /** The severity it has unless settings say otherwise. */
  severity: Severity;
  description: string;
  docsUrl: string;
  fixable: boolean;
  /** A rule or schema check (settings can change or turn it off), or a notice (they cannot). */
  configurable: boolean;
}

const NOTICE_SEVERITY: Record<string, Severity> = { 'yaml-syntax': 'error' };

/** Every code a finding can carry: the rules, the schema checks and the notices, in docs/rules.md's order. */
export function ruleCatalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = [...RULES.map((rule) => rule.meta), ...SCHEMA_CODES].map((meta) => ({
    id: meta.id, severity: meta.severity, description: meta.description, docsUrl: meta.docsUrl, fixable: meta.fixable, configurable: true,
  }));
  for (const notice of NOTICES) {
    entries.push({
      id: notice.id, severity: NOTICE_SEVERITY[notice.id] ?? 'information', description: notice.description, docsUrl: ruleDocsUrl(notice.id), fixable: false, configurable: false,
    });
  }
  return entries;
}
