import * as fs from 'node:fs';
import * as path from 'node:path';
import { isScalar, parse, visit, type Document } from 'yaml';
import { URI } from 'vscode-uri';

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** How many folders up a kustomization may sit and still list the file (`../patches/x.yaml` is common; more is rare). */
const MAX_LEVELS = 4;
/** Strategic-merge directives (the start of a key): only a patch holds them. */
const DIRECTIVE_NAMES = ['$patch', '$retainKeys', '$setElementOrder/', '$deleteFromPrimitiveList/'];
const DIRECTIVE_ALTERNATIVES = DIRECTIVE_NAMES.map((name) => name.replace(/[$/]/g, '\\$&')).join('|');
const DIRECTIVE = new RegExp(`^(?:${DIRECTIVE_ALTERNATIVES})`);

interface Listed {
  mtimeMs: number;
  size: number;
  patches: Set<string>;
}

const cache = new Map<string, Listed>();
/** While a batch run holds the disk still: each kustomization path's answer, looked up once (no stat per resource). */
let heldAnswers: Map<string, Set<string> | undefined> | undefined;

/**
 * For a run that treats the disk as unchanging (the command line): kustomizations are looked up once per path until
 * the returned function is called. The language server never calls this, as files change under it.
 */
export function holdKustomizationLookups(): () => void {
  const answers = new Map<string, Set<string> | undefined>();
  heldAnswers = answers;
  return () => {
    if (heldAnswers === answers) heldAnswers = undefined;
  };
}

/** Strategic-merge directives as they appear in the text, as a key at the start of a line; cheap to test before walking any tree. */
const DIRECTIVE_TEXT = new RegExp(`^[ \\t-]*["']?(?:${DIRECTIVE_ALTERNATIVES})`, 'm');

/** Whether the text holds a `$patch`-style directive key: only a Kustomize strategic-merge patch does. */
export function mayHoldPatchDirective(text: string): boolean {
  // Looking at each `$` first is many times faster than the line-anchored pattern over the whole text.
  for (let at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) {
    if (DIRECTIVE_NAMES.some((name) => text.startsWith(name, at))) return DIRECTIVE_TEXT.test(text);
  }
  return false;
}

/** Whether this document holds a strategic-merge directive key (after mayHoldPatchDirective said the file might). */
export function hasPatchDirective(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && DIRECTIVE.test(pair.key.value)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Whether a kustomization file in the document's folder or up to MAX_LEVELS above lists it under `patches`,
 * `patchesStrategicMerge` or `patchesJson6902`. Such a patch leaves out required fields on purpose.
 */
export function listedAsPatch(uri: string): boolean {
  let file: string;
  try {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return false;
    file = path.resolve(parsed.fsPath);
  } catch {
    return false;
  }
  let folder = path.dirname(file);
  for (let level = 0; level <= MAX_LEVELS; level++) {
    for (const name of KUSTOMIZATION_NAMES) {
      if (patchesListedIn(path.join(folder, name))?.has(file)) return true;
    }
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return false;
}

/** The absolute paths of the patch files a kustomization lists; re-read only when the file changes on disk. */
function patchesListedIn(kustomization: string): Set<string> | undefined {
  if (!heldAnswers) return readPatchesListedIn(kustomization);
  if (heldAnswers.has(kustomization)) return heldAnswers.get(kustomization);
  const patches = readPatchesListedIn(kustomization);
  heldAnswers.set(kustomization, patches);
  return patches;
}

function readPatchesListedIn(kustomization: string): Set<string> | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(kustomization);
  } catch {
    cache.delete(kustomization);
    return undefined;
  }
  const cached = cache.get(kustomization);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.patches;
  const patches = new Set<string>();
  try {
    const content: unknown = parse(fs.readFileSync(kustomization, 'utf8'), { logLevel: 'silent' });
    const folder = path.dirname(kustomization);
    for (const entry of patchEntries(content)) patches.add(path.resolve(folder, entry));
  } catch {
    // An unreadable kustomization lists nothing.
  }
  cache.set(kustomization, { mtimeMs: stat.mtimeMs, size: stat.size, patches });
  return patches;
}

function patchEntries(content: unknown): string[] {
  if (!content || typeof content !== 'object' || Array.isArray(content)) return [];
  const record = content as Record<string, unknown>;
  const entries: string[] = [];
  for (const key of ['patches', 'patchesStrategicMerge', 'patchesJson6902']) {
    const list = record[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item === 'string' && !item.includes('\n')) entries.push(item);
      else if (item && typeof item === 'object' && typeof (item as { path?: unknown }).path === 'string') entries.push((item as { path: string }).path);
    }
  }
  return entries;
}
