import type { Document } from 'yaml';
import type { Finding } from '../findings/finding';
import { setFixes } from '../findings/lazyFixes';
import type { ManifestFile, Resource } from '../parse/model';
import { RULES } from '../rules';
import type { Rule } from '../rules/types';
import { listedAsPatch } from '../schema/kustomizePatch';
import { validateSchema } from '../schema/validate';
import type { AnalyzeOptions } from './analyze';
import { checkedResources, readsOtherResources, runRule } from './runRules';

/** A finding as kept between versions: no fixes (they are built again, on the version asked about). */
type Kept = Omit<Finding, 'fixes'>;

/** What one YAML document yielded on its own: its schema findings and each single-resource rule's. */
interface DocumentResults {
  start: number;
  line: number;
  schema: Kept[];
  rules: Map<string, Kept[]>;
  /** A message names a line number: when lines are added or removed above the document, it is computed again. */
  namesLines: boolean;
}

const NAMES_A_LINE = /\bline \d/;

/**
 * The schema and rule findings of a file, memoised per YAML document. The parse hands an untouched document of the
 * previous version over as the same object (moved, if the edit was above it), so the findings of the schema and of
 * the rules that look at one resource only are taken over, moved likewise, and only the edited document is checked
 * again. Rules that read other resources run on every version. Everything is dropped when what the single-resource
 * checks depend on beyond their document changes: settings (`clear`), the CustomResourceDefinitions of the file or
 * the workspace, or whether a kustomization lists the file as a patch. The order of the findings is the one of a
 * whole analysis: schema resource by resource, then rule by rule, resource by resource.
 */
export class DocumentFindingsMemo {
  private byDocument = new WeakMap<Document.Parsed, DocumentResults>();
  private dependencies: unknown[] = [];
  /** Documents checked again by the last call (for tests and benchmarks). */
  lastChecked = 0;

  clear(): void {
    this.byDocument = new WeakMap();
  }

  findings(file: ManifestFile, options: AnalyzeOptions, rules: readonly Rule[] = RULES): Finding[] {
    this.clearIfDependenciesChanged(file, options);
    const checked = checkedResources(file);
    const lines = startLines(file.text, checked);
    const fresh = new Map<Resource, Finding[]>();
    const stale = checked.filter((resource, i) => !this.reusable(resource, lines[i]));
    this.lastChecked = stale.length;
    const local = rules.filter((rule) => !readsOtherResources(rule));
    if (stale.length > 0) this.checkAgain(file, options, stale, local, lines, checked, fresh);
    const findings: Finding[] = [];
    const reused = (resource: Resource, kept: readonly Kept[]): Finding[] => this.moved(file, options, resource, kept, local);
    for (const resource of checked) {
      const results = this.byDocument.get(resource.document.doc)!;
      findings.push(...(fresh.get(resource)?.filter(isSchema) ?? reused(resource, results.schema)));
    }
    for (const rule of rules) {
      if (options.settings.rules[rule.meta.id] === 'off') continue;
      for (const resource of checked) {
        if (readsOtherResources(rule)) findings.push(...runRule(rule, file, resource, options.settings, options.onRuleFailure, options.workspace));
        else findings.push(...(fresh.get(resource)?.filter((finding) => finding.code === rule.meta.id && !isSchema(finding)) ?? reused(resource, this.byDocument.get(resource.document.doc)!.rules.get(rule.meta.id) ?? [])));
      }
    }
    return findings;
  }

  private reusable(resource: Resource, line: number): boolean {
    const results = this.byDocument.get(resource.document.doc);
    return results !== undefined && (!results.namesLines || results.line === line);
  }

  /** Checks `stale` documents again; their findings go to `fresh` (this version's, with fixes) and to the memo. */
  private checkAgain(file: ManifestFile, options: AnalyzeOptions, stale: Resource[], local: readonly Rule[], lines: number[], checked: Resource[], fresh: Map<Resource, Finding[]>): void {
    const found = localFindings(file, options, stale, local);
    for (const resource of stale) {
      const own = found.get(resource) ?? [];
      fresh.set(resource, own);
      const rules = new Map<string, Kept[]>();
      for (const finding of own) if (!isSchema(finding)) rules.set(finding.code, [...(rules.get(finding.code) ?? []), kept(finding)]);
      this.byDocument.set(resource.document.doc, {
        start: resource.document.span[0],
        line: lines[checked.indexOf(resource)],
        schema: own.filter(isSchema).map(kept),
        rules,
        namesLines: own.some((finding) => NAMES_A_LINE.test(finding.message)),
      });
    }
  }

  /** Kept findings of an untouched document, moved with it; their fixes are built again from this version when asked for. */
  private moved(file: ManifestFile, options: AnalyzeOptions, resource: Resource, kept: readonly Kept[], local: readonly Rule[]): Finding[] {
    const results = this.byDocument.get(resource.document.doc)!;
    const shift = resource.document.span[0] - results.start;
    let rebuilt: Finding[] | undefined;
    return kept.map((finding) => {
      const span: Finding['span'] = [finding.span[0] + shift, finding.span[1] + shift];
      const copy: Finding = { ...finding, span };
      return setFixes(copy, () => {
        rebuilt ??= localFindings(file, options, [resource], local).get(resource) ?? [];
        return rebuilt.find((candidate) => candidate.code === copy.code && candidate.message === copy.message
          && candidate.span[0] === span[0] && candidate.span[1] === span[1])?.fixes;
      });
    });
  }

  private clearIfDependenciesChanged(file: ManifestFile, options: AnalyzeOptions): void {
    const dependencies: unknown[] = [
      options.settings,
      options.workspace?.index.crds.generation,
      options.workspace !== undefined && listedAsPatch(options.workspace.uri),
      ...file.resources.filter((resource) => resource.kind === 'CustomResourceDefinition').map((resource) => resource.document.doc),
    ];
    const same = dependencies.length === this.dependencies.length && dependencies.every((value, i) => value === this.dependencies[i]);
    if (!same) this.clear();
    this.dependencies = dependencies;
  }
}

/** The schema's findings, told apart from the rules' without relying on their codes. */
const schemaFindings = new WeakSet<Finding>();
const isSchema = (finding: Finding): boolean => schemaFindings.has(finding);

function kept(finding: Finding): Kept {
  const { code, severity, message, span, tags } = finding;
  return tags ? { code, severity, message, span, tags } : { code, severity, message, span };
}

/** The schema and single-resource rule findings of `resources`, per resource, in whole-analysis order within each. */
function localFindings(file: ManifestFile, options: AnalyzeOptions, resources: Resource[], rules: readonly Rule[]): Map<Resource, Finding[]> {
  const byResource = new Map<Resource, Finding[]>(resources.map((resource) => [resource, []]));
  try {
    for (const finding of validateSchema(file, options.settings, options.workspace, new Set(resources))) {
      schemaFindings.add(finding);
      byResource.get(ownerOf(resources, finding))?.push(finding);
    }
  } catch (error) {
    options.onCheckFailure?.('Schema validation', error);
  }
  for (const rule of rules) {
    if (options.settings.rules[rule.meta.id] === 'off') continue;
    for (const resource of resources) byResource.get(resource)!.push(...runRule(rule, file, resource, options.settings, options.onRuleFailure, options.workspace));
  }
  return byResource;
}

/** The resource whose document holds the start of the finding (the last one starting before it). */
function ownerOf(resources: readonly Resource[], finding: Finding): Resource {
  let owner = resources[0];
  for (const resource of resources) if (resource.document.span[0] <= finding.span[0]) owner = resource;
  return owner;
}

/** The 0-based line where each resource's document starts (resources in text order). */
function startLines(text: string, resources: readonly Resource[]): number[] {
  const lines: number[] = [];
  let line = 0;
  let at = 0;
  for (const resource of resources) {
    const start = resource.document.span[0];
    for (let next = text.indexOf('\n', at); next >= 0 && next < start; next = text.indexOf('\n', next + 1)) {
      line++;
      at = next + 1;
    }
    lines.push(line);
  }
  return lines;
}
