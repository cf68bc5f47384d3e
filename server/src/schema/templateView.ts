import type { Document, Node, Pair } from 'yaml';
import { crossesBranch, openPartsOf, overlapsAction, type TemplateFacts } from '../parse/helm/templateFacts';
import type { TemplateView } from './validateTree';

/** How the schema check sees one document of a Helm template: actions are unknown values, insertions open collections. */
export function templateView(doc: Document.Parsed, facts: TemplateFacts): TemplateView {
  const parts = openPartsOf(doc, facts);
  return {
    unknown: (node: Node) => node.range !== undefined && node.range !== null && overlapsAction(facts, [node.range[0], node.range[1]]),
    openPair: (pair: Pair) => parts.pairs.has(pair),
    open: (node: Node) => parts.collections.has(node),
    crossesBranch: (from: number, to: number) => crossesBranch(facts, from, to),
  };
}
