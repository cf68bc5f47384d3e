import generated from '../../../build/generated/k8s-schema.json';
import { ANY, type Field, type ObjectType, type ScalarName, type SchemaType } from './model';

/** The shape scripts/gen-schema.mjs writes. */
interface RawField {
  t: string;
  r?: number;
  d?: number;
  e?: string[];
  def?: string;
}
interface RawType {
  d?: number;
  f: Record<string, RawField>;
}
interface RawSchema {
  source: string;
  kubernetes: string;
  kinds: Array<[string, string, string, number]>;
  types: Record<string, RawType>;
  strings: string[];
}

export interface KindInfo {
  apiVersion: string;
  kind: string;
  type: ObjectType;
  namespaced: boolean;
}

const raw = generated as unknown as RawSchema;
const SCALARS = new Set<string>(['string', 'integer', 'number', 'boolean', 'int-or-string', 'quantity', 'any']);

/** Every built-in object type, by name, built once at load; fields refer to each other by reference. */
const objectTypes = new Map<string, ObjectType>();
for (const name of Object.keys(raw.types)) {
  const type = raw.types[name];
  objectTypes.set(name, {
    kind: 'object',
    name,
    description: type.d === undefined ? undefined : raw.strings[type.d],
    fields: new Map(),
    required: Object.keys(type.f).filter((field) => type.f[field].r),
  });
}
for (const [name, object] of objectTypes) {
  const fields = object.fields as Map<string, Field>;
  for (const [fieldName, field] of Object.entries(raw.types[name].f)) {
    fields.set(fieldName, {
      name: fieldName,
      type: decode(field.t),
      required: !!field.r,
      description: field.d === undefined ? undefined : raw.strings[field.d],
      enum: field.e,
      serverDefault: field.def,
    });
  }
}

function decode(code: string): SchemaType {
  if (code.startsWith('[]')) return { kind: 'list', items: decode(code.slice(2)) };
  if (code.startsWith('{}')) return { kind: 'map', values: decode(code.slice(2)) };
  if (SCALARS.has(code)) return { kind: 'scalar', scalar: code as ScalarName };
  return objectTypes.get(code) ?? ANY;
}

const kindsByKey = new Map<string, KindInfo>();
const kindsByName = new Map<string, KindInfo[]>();
const groups = new Set<string>();
for (const [apiVersion, kind, typeName, namespaced] of raw.kinds) {
  const type = objectTypes.get(typeName);
  if (!type) continue;
  const info: KindInfo = { apiVersion, kind, type, namespaced: namespaced === 1 };
  kindsByKey.set(`${apiVersion} ${kind}`, info);
  kindsByName.set(kind, [...(kindsByName.get(kind) ?? []), info]);
  groups.add(groupOf(apiVersion));
}

/** The group of an apiVersion: `apps` for `apps/v1`, the empty string for the core `v1`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export const BUILTIN_SCHEMA = {
  source: raw.source,
  kubernetesVersion: raw.kubernetes,
  kind(apiVersion: string, kind: string): KindInfo | undefined {
    return kindsByKey.get(`${apiVersion} ${kind}`);
  },
  /** Every served apiVersion of a kind, in the order of the table (stable versions are preferred by callers). */
  versionsOf(kind: string): readonly KindInfo[] {
    return kindsByName.get(kind) ?? [];
  },
  /** A group Kubernetes itself serves (then an unknown kind in it is an error, not a custom resource). */
  isBuiltinGroup(group: string): boolean {
    return groups.has(group);
  },
  kinds(): IterableIterator<KindInfo> {
    return kindsByKey.values();
  },
  type(name: string): ObjectType | undefined {
    return objectTypes.get(name);
  },
  typeCount(): number {
    return objectTypes.size;
  },
};
