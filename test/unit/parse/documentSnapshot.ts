/** A parsed document as plain data, offsets included, to compare two parses of the same text. */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { ComposedDocument } from '../../../server/src/parse/composeDocuments';

/**
 * Everything the rest of the server can read from a parsed document. `edgeComments: false` leaves out the comments at
 * the edges of a document (nothing in Podlab reads them): split at `---` lines, the comments between two documents
 * stay with the one whose text holds them, where a whole-stream parse may give them to the next.
 */
export function documentSnapshot(composed: Pick<ComposedDocument, 'doc'> & Partial<ComposedDocument>, { edgeComments = true } = {}): unknown {
  const { doc } = composed;
  return {
    tooDeepAt: composed.tooDeepAt,
    syntaxDepth: composed.syntaxDepth,
    range: doc.range,
    errors: doc.errors.map((error) => [error.code, error.message, error.pos]),
    warnings: doc.warnings.map((warning) => [warning.code, warning.message, warning.pos]),
    comment: edgeComments ? doc.comment : undefined,
    commentBefore: edgeComments ? doc.commentBefore : undefined,
    docStart: doc.directives?.docStart,
    contents: nodeSnapshot(doc.contents),
  };
}

function nodeSnapshot(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isPair(node)) return { key: nodeSnapshot(node.key), value: nodeSnapshot(node.value) };
  const common = node as { range?: unknown; tag?: string; anchor?: string; comment?: string; commentBefore?: string; spaceBefore?: boolean };
  const shared = [common.range, common.tag, common.anchor, common.comment, common.commentBefore, common.spaceBefore];
  if (isScalar(node)) return ['scalar', ...shared, node.type, typeof node.value, String(node.value)];
  if (isAlias(node)) return ['alias', ...shared, node.source];
  if (isMap(node) || isSeq(node)) return [isMap(node) ? 'map' : 'seq', ...shared, node.flow, node.items.map(nodeSnapshot)];
  return ['other', String(node)];
}
