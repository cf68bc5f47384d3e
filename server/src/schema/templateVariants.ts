import { isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { BUILTIN_SCHEMA } from './builtin';
import type { TemplateView, TreeReport } from './validateTree';

/** One reading of a template's object: the apiVersion and kind one set of branches renders. */
export interface Variant {
  apiVersionNode?: Node | null;
  apiVersion?: string;
  kindPair?: Pair<Node, Node | null>;
}

/**
 * The readings of a template's object: one per `apiVersion` and per `kind` its branches write; an apiVersion that is an
 * action (`{{ include "x.apiVersion" . }}`) stands for each version Kubernetes serves the kind in. None when the kind
 * itself is an action.
 */
export function templateVariants(root: YAMLMap, view: TemplateView): Variant[] {
  const kinds = pairsNamed(root, 'kind');
  if (kinds.some((pair) => !pair.value || view.unknown(pair.value))) return [];
  const apiVersions = pairsNamed(root, 'apiVersion');
  const variants: Variant[] = [];
  for (const kindPair of kinds.length > 0 ? kinds : [undefined]) {
    for (const pair of apiVersions.length > 0 ? apiVersions : [undefined]) {
      const node = pair?.value;
      if (!node || !view.unknown(node)) {
        variants.push({ apiVersionNode: node, apiVersion: scalarValue(node), kindPair });
        continue;
      }
      const kind = scalarValue(kindPair?.value);
      for (const info of kind ? BUILTIN_SCHEMA.versionsOf(kind) : []) variants.push({ apiVersionNode: node, apiVersion: info.apiVersion, kindPair });
    }
  }
  return variants;
}

/** Reports what every reading found (by code and place), once, as the first reading words it. */
export function reportCommon(perVariant: readonly TreeReport[][], report: (found: TreeReport) => void): void {
  if (perVariant.length === 0) return;
  const where = (found: TreeReport) => `${found.code} ${found.span[0]} ${found.span[1]}`;
  const others = perVariant.slice(1).map((found) => new Set(found.map(where)));
  for (const found of perVariant[0]) if (others.every((set) => set.has(where(found)))) report(found);
}

function pairsNamed(root: YAMLMap, name: string): Array<Pair<Node, Node | null>> {
  return root.items.filter((item) => isScalar(item.key) && item.key.value === name) as Array<Pair<Node, Node | null>>;
}

function scalarValue(node: Node | null | undefined): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined && String(node.value) !== '' ? String(node.value) : undefined;
}
