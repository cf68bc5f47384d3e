import type { ObjectType, SchemaType } from './model';

const MAX_DEPTH = 5;
const cache = new WeakMap<ObjectType, Map<string, string>>();

/**
 * Where, below `type`, a field called `name` lives: the shortest path (`template.spec.containers[].ports`),
 * or undefined. Breadth-first, so the nearest place wins; computed once per type.
 */
export function nestedPathOf(type: ObjectType, name: string): string | undefined {
  let index = cache.get(type);
  if (!index) {
    index = buildIndex(type);
    cache.set(type, index);
  }
  return index.get(name);
}

function buildIndex(root: ObjectType): Map<string, string> {
  const index = new Map<string, string>();
  const seen = new Set<ObjectType>([root]);
  let frontier: Array<{ type: ObjectType; path: string }> = [{ type: root, path: '' }];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: Array<{ type: ObjectType; path: string }> = [];
    for (const { type, path } of frontier) {
      for (const field of type.fields.values()) {
        const fieldPath = path ? `${path}.${field.name}` : field.name;
        if (depth > 0 && !index.has(field.name)) index.set(field.name, fieldPath);
        const inner = objectBelow(field.type, fieldPath);
        if (inner && !seen.has(inner.type)) {
          seen.add(inner.type);
          next.push(inner);
        }
      }
    }
    frontier = next;
  }
  return index;
}

function objectBelow(type: SchemaType, path: string): { type: ObjectType; path: string } | undefined {
  if (type.kind === 'object') return { type, path };
  if (type.kind === 'list') return objectBelow(type.items, `${path}[]`);
  if (type.kind === 'map') return objectBelow(type.values, `${path}.*`);
  return undefined;
}
