import type { Field, SchemaType } from './model';

/**
 * A value to insert for a missing required field: the first allowed value of an enum, an empty string, zero,
 * and for objects their own required fields, filled the same way (a few levels deep).
 */
export function placeholderFor(field: Field, owner: string, depth = 0): unknown {
  // A PVC's storage request is what the API checks for (rules.md §2.13); an empty map would be rejected.
  if (owner === 'V1VolumeResourceRequirements' && field.name === 'requests') return { storage: '1Gi' };
  return placeholderOf(field.type, field.enum, depth);
}

function placeholderOf(type: SchemaType, values: readonly string[] | undefined, depth: number): unknown {
  switch (type.kind) {
    case 'scalar':
      if (values && values.length > 0) return values[0];
      switch (type.scalar) {
        case 'integer':
        case 'number':
        case 'int-or-string':
          return 0;
        case 'boolean':
          return false;
        case 'quantity':
          return '1';
        default:
          return '';
      }
    case 'list':
      return values && values.length > 0 ? [values[0]] : [];
    case 'map':
      return {};
    case 'object': {
      const value: Record<string, unknown> = {};
      if (depth >= 3) return value;
      for (const name of type.required) {
        const inner = type.fields.get(name);
        if (inner) value[name] = placeholderFor(inner, type.name, depth + 1);
      }
      return value;
    }
  }
}
