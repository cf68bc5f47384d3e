import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import { insertEntries, replaceScalar } from '../yaml/edits';
import type { Finding, Fix } from '../findings/finding';
import { setFixes } from '../findings/lazyFixes';
import type { ManifestFile, Resource, Span } from '../parse/model';
import { hasSyntaxErrors } from '../parse/parseManifest';
import { mapAt, nodeAtPath, pairOf } from '../yaml/nodes';
import type { Settings } from '../settings';
import { BUILTIN_SCHEMA } from './builtin';
import { schemaCodeMeta } from './codes';
import type { WorkspaceView } from '../workspace/view';
import { fileCrdSource, workspaceCrdSource, type CrdSource } from './crd';
import type { RemovedApi } from './removedApis';
import { preferredVersionOf, resolveKind } from './resolveKind';
import { suggest } from './suggest';
import { hasPatchDirective, listedAsPatch, mayHoldPatchDirective } from './kustomizePatch';
import { validateObject, type TreeContext, type TreeReport } from './validateTree';
import { templateView } from './templateView';
import { reportCommon, templateVariants, type Variant } from './templateVariants';

/** The CRD sources that apply to `file`: its own CustomResourceDefinitions, then the workspace's. */
export function crdSourcesFor(file: ManifestFile, workspace?: WorkspaceView): CrdSource[] {
  const sources = [fileCrdSource(file), workspace && workspaceCrdSource(workspace.index.crds)];
  return sources.filter((source): source is CrdSource => source !== undefined);
}

/**
 * Checks every resource of `file` against the Kubernetes API schema (or its CRD); in a Helm template what is literal
 * (see templateView). In Kustomize patches (told apart by the workspace `uri`'s kustomization, or by `$patch` directives) absent fields are fine.
 * With `only`, just those resources are checked (the file's own CRDs still apply to them).
 */
export function validateSchema(file: ManifestFile, settings: Settings, workspace?: WorkspaceView, only?: ReadonlySet<Resource>): Finding[] {
  if (file.oversized) return [];
  const findings: Finding[] = [];
  const report = (found: TreeReport): void => {
    const meta = schemaCodeMeta(found.code);
    const level = settings.rules[found.code] ?? meta?.severity ?? 'error';
    if (level === 'off') return;
    findings.push(setFixes({ code: found.code, severity: level, message: found.message, span: found.span }, found.fixes));
  };
  const crds = crdSourcesFor(file, workspace);
  const listedPatch = workspace !== undefined && listedAsPatch(workspace.uri);
  const directives = mayHoldPatchDirective(file.text);
  for (const resource of file.resources) {
    if (only && !only.has(resource)) continue;
    // As with the rules: on a document with YAML errors the tree is the parser's guess, and a fix on it can land in the next document.
    if (!resource.object || hasSyntaxErrors(resource.document)) continue;
    const patch = listedPatch || (directives && hasPatchDirective(resource.document.doc));
    const template = file.template && templateView(resource.document.doc, file.template);
    const context: TreeContext = { text: file.text, report, patch, template };
    if (!template) validateResource(resource.root, context, settings, crds, 0);
    else validateTemplate(resource.root, context, settings, crds);
  }
  return findings;
}

/** Each reading of a template's object is checked; what they all find is reported. */
function validateTemplate(root: YAMLMap, context: TreeContext, settings: Settings, crds: readonly CrdSource[], depth = 0): void {
  const variants = templateVariants(root, context.template!);
  if (variants.length === 1) return validateResource(root, context, settings, crds, depth, variants[0]);
  const perVariant = variants.map((variant) => {
    const found: TreeReport[] = [];
    validateResource(root, { ...context, report: (report) => found.push(report) }, settings, crds, depth, variant);
    return found;
  });
  reportCommon(perVariant, context.report);
}

function validateResource(root: YAMLMap, context: TreeContext, settings: Settings, crds: readonly CrdSource[], depth: number, variant?: Variant): void {
  const { text, report } = context;
  const apiVersionNode = variant ? variant.apiVersionNode : pairOf(root, 'apiVersion')?.value as Node | null | undefined;
  const kindPair = variant ? variant.kindPair : pairOf(root, 'kind');
  const kindNode = kindPair?.value as Node | null | undefined;
  const kind = scalarText(kindNode);
  const apiVersion = variant ? variant.apiVersion : scalarText(apiVersionNode);
  const resolution = resolveKind(apiVersion, kind, settings.kubernetesVersion, crds);
  switch (resolution.status) {
    case 'builtin':
    case 'custom':
      validateObject(root, resolution.type, spanOf(kindPair?.key as Node) ?? [0, 0], { ...context, kind });
      return;
    case 'list': {
      const items = pairOf(root, 'items')?.value;
      if (depth > 0 || !isSeq(items)) return;
      for (const item of items.items) {
        if (!isMap(item) || !item.has('apiVersion') || !item.has('kind')) continue;
        if (context.template) validateTemplate(item, context, settings, crds, depth + 1);
        else validateResource(item, context, settings, crds, depth + 1);
      }
      return;
    }
    case 'removed':
      report(removedFinding(root, text, apiVersionNode as Scalar, resolution.removed, settings.kubernetesVersion));
      return;
    case 'unknown':
      report(unknownKindFinding(apiVersionNode as Scalar, kindNode as Scalar, apiVersion!, kind!));
      return;
    case 'unchecked':
      return;
  }
}

function removedFinding(root: YAMLMap, text: string, apiVersionNode: Scalar, removed: RemovedApi, target: string): TreeReport {
  const replacement = removed.replacement ? ` Use ${removed.replacement}.` : '';
  const note = removed.note ? ` ${removed.note}` : '';
  return {
    code: 'removed-api-version',
    span: spanOf(apiVersionNode)!,
    message: `${removed.apiVersion} ${removed.kind} was removed in Kubernetes ${removed.removedIn} (podlab.kubernetesVersion is ${target}): the API server no longer serves it.${replacement}${note}`,
    fixes: () => migration(root, text, apiVersionNode, removed),
  };
}

/** The mechanical migration to the replacement apiVersion; built only when an editor asks for the fixes. */
function migration(root: YAMLMap, text: string, apiVersionNode: Scalar, removed: RemovedApi): Fix[] | undefined {
  if (!removed.replacement || !removed.mechanical) return undefined;
  const edit = replaceScalar(apiVersionNode, removed.replacement);
  if (!edit) return undefined;
  const selector = removed.replacement === 'apps/v1' ? selectorInsertion(root, text) : undefined;
  return [{
    title: `Migrate to ${removed.replacement}${selector ? ' (and add spec.selector from the template labels)' : ''}`,
    edits: selector ? [edit, selector] : [edit],
    preferred: true,
  }];
}

/** apps/v1 requires spec.selector (the old groups defaulted it from the template labels): copy them. */
function selectorInsertion(root: YAMLMap, text: string): { span: Span; newText: string } | undefined {
  const spec = mapAt(root, 'spec');
  if (!spec || spec.has('selector')) return undefined;
  const labels = mapAt(nodeAtPath(spec, ['template', 'metadata']) as YAMLMap | undefined, 'labels');
  const matchLabels: Record<string, unknown> = {};
  for (const item of labels?.items ?? []) {
    if (isScalar(item.key) && isScalar(item.value)) matchLabels[String(item.key.value)] = item.value.value;
  }
  if (Object.keys(matchLabels).length === 0) return undefined;
  return insertEntries(text, spec, { selector: { matchLabels } });
}

function unknownKindFinding(apiVersionNode: Scalar, kindNode: Scalar, apiVersion: string, kind: string): TreeReport {
  const elsewhere = preferredVersionOf(kind);
  if (elsewhere) {
    const edit = replaceScalar(apiVersionNode, elsewhere.apiVersion);
    return {
      code: 'unknown-kind',
      span: spanOf(apiVersionNode)!,
      message: `apiVersion ${apiVersion} does not serve kind ${kind}: it is served by ${BUILTIN_SCHEMA.versionsOf(kind).map((info) => info.apiVersion).join(', ')}.`,
      fixes: edit ? [{ title: `Change apiVersion to ${elsewhere.apiVersion}`, edits: [edit], preferred: true }] : undefined,
    };
  }
  const sameVersion = [...BUILTIN_SCHEMA.kinds()].filter((info) => info.apiVersion === apiVersion).map((info) => info.kind);
  const candidates = sameVersion.length > 0 ? sameVersion : [...new Set([...BUILTIN_SCHEMA.kinds()].map((info) => info.kind))];
  const suggestion = suggest(kind, candidates);
  const nearest = suggestion.names[0];
  const edit = nearest ? replaceScalar(kindNode, nearest) : undefined;
  const where = sameVersion.length > 0 ? `apiVersion ${apiVersion}` : `any built-in apiVersion`;
  return {
    code: 'unknown-kind',
    span: spanOf(kindNode)!,
    message: `Kind ${kind} is not served by ${where}.${nearest ? ` Did you mean ${nearest}?` : ''}`,
    fixes: edit && nearest ? [{ title: `Change kind to ${nearest}`, edits: [edit], preferred: suggestion.clear }] : undefined,
  };
}

function scalarText(node: Node | null | undefined): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined && String(node.value) !== '' ? String(node.value) : undefined;
}

function spanOf(node: Node | null | undefined): Span | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}

