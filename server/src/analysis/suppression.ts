import { isMap, isScalar } from 'yaml';
import type { ManifestFile, Resource } from '../parse/model';
import { mapAt } from '../yaml/nodes';
import type { Finding } from '../findings/finding';
import { KUBE_LINTER_CHECKS, KUBE_SCORE_CHECKS, POLARIS_CHECKS } from './foreignChecks';
import { YAML_SYNTAX } from './syntaxFindings';

/** Rule ids a suppression covers; `all` when it names none. */
type Covered = Set<string> | 'all';

const DIRECTIVE = /^[ \t]*#[ \t]*podlab-(disable-next-line|disable)(?![-\w])(.*)$/;
const KUBE_LINTER_PREFIX = 'ignore-check.kube-linter.io/';
const POLARIS_PREFIX = 'polaris.fairwinds.com/';
const KUBE_SCORE_IGNORE = 'kube-score/ignore';

/**
 * Drops the findings the user silenced:
 * `# podlab-disable-next-line id[, id]` (the next line), `# podlab-disable [id, ...]` (the whole file; no id: every rule),
 * kube-linter's `ignore-check.kube-linter.io/<check>`, Polaris' `polaris.fairwinds.com/<check>-exempt: "true"` and kube-score's
 * `kube-score/ignore: <check>[,<check>]` annotations (each rule's `meta.peers` says which checks it stands for).
 * YAML syntax errors cannot be silenced.
 */
export function applySuppressions(file: ManifestFile, findings: Finding[]): Finding[] {
  const { fileWide, byLine } = readDirectives(file.text);
  const exemptions = new Map<Resource, Covered>();
  for (const resource of file.resources) {
    const covered = annotationExemptions(resource);
    if (covered) exemptions.set(resource, covered);
  }
  if (!fileWide && byLine.size === 0 && exemptions.size === 0) return findings;
  const lineStarts = lineStartsOf(file.text);
  return findings.filter((finding) => {
    if (finding.code === YAML_SYNTAX) return true;
    if (covers(fileWide, finding.code)) return false;
    if (covers(byLine.get(lineOf(lineStarts, finding.span[0])), finding.code)) return false;
    const resource = file.resources.find((candidate) => finding.span[0] >= candidate.document.span[0] && finding.span[0] <= candidate.document.span[1]);
    return !(resource && covers(exemptions.get(resource), finding.code));
  });
}

function covers(covered: Covered | undefined, code: string): boolean {
  return covered === 'all' || (covered !== undefined && covered.has(code));
}

function merge(a: Covered | undefined, b: Covered): Covered {
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...(a ?? []), ...b]);
}

function readDirectives(text: string): { fileWide?: Covered; byLine: Map<number, Covered> } {
  let fileWide: Covered | undefined;
  const byLine = new Map<number, Covered>();
  if (!text.includes('podlab-disable')) return { byLine };
  text.split('\n').forEach((line, index) => {
    const match = DIRECTIVE.exec(line.replace(/\r$/, ''));
    if (!match) return;
    const ids = match[2].split('--')[0].split(/[\s,]+/).filter(Boolean);
    const covered: Covered = ids.length === 0 ? 'all' : new Set(ids);
    if (match[1] === 'disable') fileWide = merge(fileWide, covered);
    else byLine.set(index + 1, merge(byLine.get(index + 1), covered));
  });
  return { fileWide, byLine };
}

function annotationExemptions(resource: Resource): Covered | undefined {
  const annotations = mapAt(mapAt(resource.root, 'metadata'), 'annotations');
  if (!isMap(annotations)) return undefined;
  let covered: Covered | undefined;
  for (const item of annotations.items) {
    if (!isScalar(item.key) || typeof item.key.value !== 'string') continue;
    const key = item.key.value;
    const raw = isScalar(item.value) ? String(item.value.value) : '';
    const value = raw.toLowerCase();
    if (key.startsWith(KUBE_LINTER_PREFIX)) {
      const ids = KUBE_LINTER_CHECKS[key.slice(KUBE_LINTER_PREFIX.length)];
      if (ids) covered = merge(covered, new Set(ids));
    } else if (key.startsWith(POLARIS_PREFIX) && value === 'true') {
      const name = key.slice(POLARIS_PREFIX.length);
      if (name === 'exempt') covered = merge(covered, new Set(Object.values(POLARIS_CHECKS).flat()));
      const ids = name.endsWith('-exempt') ? POLARIS_CHECKS[name.slice(0, -'-exempt'.length)] : undefined;
      if (ids) covered = merge(covered, new Set(ids));
    } else if (key === KUBE_SCORE_IGNORE) {
      const ids = raw.split(',').flatMap((check) => KUBE_SCORE_CHECKS[check.trim()] ?? []);
      if (ids.length > 0) covered = merge(covered, new Set(ids));
    }
  }
  return covered;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 0-based line of `offset`. */
function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
