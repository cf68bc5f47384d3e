import { isCollection, isPair, type Node } from 'yaml';

/**
 * Collections nested deeper than this are not analysed. Real manifests stay far below it (a CRD's
 * openAPIV3Schema reaches a few dozen levels); every walk over the tree (rules, hovers, schema) recurses,
 * so a bound here keeps all of them clear of the call-stack limit.
 */
export const MAX_NESTING_DEPTH = 500;

/** The first collection found deeper than `maxDepth` levels, without recursion (so the check itself cannot overflow). */
export function nodeNestedDeeperThan(root: unknown, maxDepth: number = MAX_NESTING_DEPTH): Node | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > maxDepth) return node;
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
