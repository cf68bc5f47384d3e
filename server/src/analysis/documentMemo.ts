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

/** What some checks yielded on one YAML document, by check (a rule id, or SCHEMA). */
interface Part {
  start: number;
  line: number;
  byCheck: Map<string, Kept[]>;
  /** A message names a line number: when lines are added or removed above the document, it is computed again. */
  namesLines: boolean;
  /** For the rules that read other resources: the workspace index generation they saw. */
  generation?: number;
}

interface DocumentResults {
  /** The schema's findings and the single-resource rules' (set first: a document is checked locally before across). */
  local?: Part;
  /** The findings of the rules that read other resources. */
  cross?: Part;
}

type Grouped = Map<string, Finding[]>;
type Checker = (resources: Resource[]) => Map<Resource, Finding[]>;

const SCHEMA = '\u0000schema';
const NAMES_A_LINE = /\bline \d/;

/**
 * The schema and rule findings of a file, memoised per YAML document. The parse hands an untouched document of the
 * previous version over as the same object (moved, if the edit was above it), so its findings are taken over, moved
 * likewise, and only the edited document is checked again. The rules that read other resources run again on a
 * document when the workspace index says identities, labels or references changed (its generation), and always
 * without a workspace. Everything is dropped when what the checks depend on beyond their document changes:
 * settings (`clear`), the CustomResourceDefinitions of the file or the workspace, or whether a kustomization lists
 * the file as a patch. The order of the findings is the one of a whole analysis: schema resource by resource, then
 * rule by rule, resource by resource.
 */
export class DocumentFindingsMemo {
  private byDocument = new WeakMap<Document.Parsed, DocumentResults>();
  private dependencies: unknown[] = [];
  /** Documents whose single-resource checks ran again in the last call (for tests and benchmarks). */
  lastChecked = 0;

  clear(): void {
    this.byDocument = new WeakMap();
  }

  findings(file: ManifestFile, options: AnalyzeOptions, rules: readonly Rule[] = RULES): Finding[] {
    this.clearIfDependenciesChanged(file, options);
    const checked = checkedResources(file);
    const lines = startLines(file.text, checked);
    const local = rules.filter((rule) => !readsOtherResources(rule));
    const cross = rules.filter(readsOtherResources);
    const checkLocal: Checker = (resources) => localFindings(file, options, resources, local);
    const checkCross: Checker = (resources) => ruleFindings(file, options, resources, cross);
    const generation = options.workspace?.index.generation;
    const staleLocal = checked.filter((resource, i) => !reusable(this.byDocument.get(resource.document.doc)?.local, lines[i]));
    const localAgain = new Set(staleLocal);
    const staleCross = checked.filter((resource, i) => localAgain.has(resource) || generation === undefined
      || !reusable(this.byDocument.get(resource.document.doc)?.cross, lines[i], generation));
    this.lastChecked = staleLocal.length;
    const freshLocal = this.checkAgain(staleLocal, checkLocal, lines, checked, 'local');
    const freshCross = this.checkAgain(staleCross, checkCross, lines, checked, 'cross', generation);
    const take = (resource: Resource, check: string, part: 'local' | 'cross'): Finding[] => {
      const fresh = (part === 'local' ? freshLocal : freshCross).get(resource);
      if (fresh) return fresh.get(check) ?? [];
      return moved(resource, this.byDocument.get(resource.document.doc)![part]!, check, part === 'local' ? checkLocal : checkCross);
    };
    const findings: Finding[] = [];
    for (const resource of checked) findings.push(...take(resource, SCHEMA, 'local'));
    for (const rule of rules) {
      if (options.settings.rules[rule.meta.id] === 'off') continue;
      const part = readsOtherResources(rule) ? 'cross' : 'local';
      for (const resource of checked) findings.push(...take(resource, rule.meta.id, part));
    }
    return findings;
  }

  /** Runs `check` on `stale` documents; gives their findings by check (this version's, with fixes) and keeps them. */
  private checkAgain(stale: Resource[], check: Checker, lines: number[], checked: Resource[], part: keyof DocumentResults, generation?: number): Map<Resource, Grouped> {
    const fresh = new Map<Resource, Grouped>();
    if (stale.length === 0) return fresh;
    const found = check(stale);
    for (const resource of stale) {
      const own = found.get(resource) ?? [];
      const grouped: Grouped = new Map();
      for (const finding of own) {
        const key = isSchema(finding) ? SCHEMA : finding.code;
        grouped.set(key, [...(grouped.get(key) ?? []), finding]);
      }
      fresh.set(resource, grouped);
      const results: DocumentResults = this.byDocument.get(resource.document.doc) ?? {};
      results[part] = {
        start: resource.document.span[0],
        line: lines[checked[resource.index] === resource ? resource.index : checked.indexOf(resource)],
        byCheck: new Map([...grouped].map(([key, list]) => [key, list.map(kept)])),
        namesLines: own.some((finding) => NAMES_A_LINE.test(finding.message)),
        generation,
      };
      this.byDocument.set(resource.document.doc, results);
    }
    return fresh;
  }

  private clearIfDependenciesChanged(file: ManifestFile, options: AnalyzeOptions): void {
    const dependencies: unknown[] = [
      // By value: each analysis may get its own copy (a .podlab.yaml merged over the editor's settings).
      JSON.stringify(options.settings),
      options.workspace?.index.crds.generation,
      options.workspace !== undefined && listedAsPatch(options.workspace.uri),
      ...file.resources.filter((resource) => resource.kind === 'CustomResourceDefinition').map((resource) => resource.document.doc),
    ];
    const same = dependencies.length === this.dependencies.length && dependencies.every((value, i) => value === this.dependencies[i]);
    if (!same) this.clear();
    this.dependencies = dependencies;
  }
}

/** Whether a document's kept part still holds: checked before, no line named that moved, the same index generation. */
function reusable(part: Part | undefined, line: number, generation?: number): boolean {
  return part !== undefined && (!part.namesLines || part.line === line) && (generation === undefined || (part.generation === generation && !part.namesLines));
}

/** Kept findings of an untouched document, moved with it; their fixes are built again from this version when asked for. */
function moved(resource: Resource, part: Part, check: string, checkAgain: Checker): Finding[] {
  const shift = resource.document.span[0] - part.start;
  let rebuilt: Finding[] | undefined;
  return (part.byCheck.get(check) ?? []).map((finding) => {
    const span: Finding['span'] = [finding.span[0] + shift, finding.span[1] + shift];
    const copy: Finding = { ...finding, span };
    return setFixes(copy, () => {
      rebuilt ??= checkAgain([resource]).get(resource) ?? [];
      return rebuilt.find((candidate) => candidate.code === copy.code && candidate.message === copy.message
        && candidate.span[0] === span[0] && candidate.span[1] === span[1])?.fixes;
    });
  });
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
  for (const [resource, found] of ruleFindings(file, options, resources, rules)) byResource.get(resource)!.push(...found);
  return byResource;
}

/** The findings of `rules` on `resources`, per resource. */
function ruleFindings(file: ManifestFile, options: AnalyzeOptions, resources: Resource[], rules: readonly Rule[]): Map<Resource, Finding[]> {
  const byResource = new Map<Resource, Finding[]>(resources.map((resource) => [resource, []]));
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
