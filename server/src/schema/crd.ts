import type { ManifestFile } from '../parse/model';
import type { CrdLookups } from '../workspace/view';
import { BUILTIN_SCHEMA } from './builtin';
import { ANY, type Field, type ObjectType, type SchemaType } from './model';

/** Finds the schema of a custom resource kind; several sources (this file, the workspace) can answer. */
export interface CrdSource {
  lookup(apiVersion: string, kind: string): ObjectType | undefined;
}

type JsonSchema = Record<string, unknown>;

/** The custom resource schemas that the CustomResourceDefinitions among `objects` declare, by `group/version kind`. */
export function crdSchemas(objects: Iterable<Record<string, unknown> | undefined>): Map<string, ObjectType> {
  const schemas = new Map<string, ObjectType>();
  for (const object of objects) {
    if (!object || object.kind !== 'CustomResourceDefinition' || typeof object.apiVersion !== 'string') continue;
    if (!object.apiVersion.startsWith('apiextensions.k8s.io/')) continue;
    const spec = asObject(object.spec);
    const group = typeof spec?.group === 'string' ? spec.group : undefined;
    const kind = typeof asObject(spec?.names)?.kind === 'string' ? (asObject(spec?.names)!.kind as string) : undefined;
    if (!spec || !group || !kind) continue;
    const shared = asObject(asObject(spec.validation)?.openAPIV3Schema);
    const versions = Array.isArray(spec.versions) ? spec.versions.map(asObject) : [];
    if (versions.length === 0 && typeof spec.version === 'string') versions.push({ name: spec.version });
    for (const version of versions) {
      if (!version || typeof version.name !== 'string') continue;
      const schema = asObject(asObject(version.schema)?.openAPIV3Schema) ?? shared;
      if (!schema) continue;
      schemas.set(`${group}/${version.name} ${kind}`, resourceType(schema, `${kind}.${group}/${version.name}`));
    }
  }
  return schemas;
}

/** A CRD source over the CustomResourceDefinitions of one file. */
export function fileCrdSource(file: ManifestFile): CrdSource | undefined {
  if (!file.resources.some((resource) => resource.kind === 'CustomResourceDefinition')) return undefined;
  const schemas = crdSchemas(file.resources.map((resource) => resource.object));
  return { lookup: (apiVersion, kind) => schemas.get(`${apiVersion} ${kind}`) };
}

const schemasOfFile = new WeakMap<readonly Record<string, unknown>[], Map<string, ObjectType>>();

/** A CRD source over the workspace's CustomResourceDefinitions (each file's converted once per new set of definitions). */
export function workspaceCrdSource(crds: CrdLookups): CrdSource {
  return {
    lookup(apiVersion, kind) {
      const key = `${apiVersion} ${kind}`;
      for (const objects of crds.files()) {
        let schemas = schemasOfFile.get(objects);
        if (!schemas) {
          schemas = crdSchemas(objects);
          schemasOfFile.set(objects, schemas);
        }
        const schema = schemas.get(key);
        if (schema) return schema;
      }
      return undefined;
    },
  };
}

/** The root of a custom resource: apiVersion, kind and metadata are the API server's, whatever the CRD says. */
function resourceType(schema: JsonSchema, name: string): ObjectType {
  const converted = convert(schema, name);
  const root: ObjectType = converted.kind === 'object' ? converted : { kind: 'object', name, fields: new Map(), required: [], open: true };
  const fields = new Map(root.fields);
  const string: SchemaType = { kind: 'scalar', scalar: 'string' };
  fields.set('apiVersion', { name: 'apiVersion', type: string, required: false, description: fields.get('apiVersion')?.description });
  fields.set('kind', { name: 'kind', type: string, required: false, description: fields.get('kind')?.description });
  const meta = BUILTIN_SCHEMA.type('V1ObjectMeta');
  if (meta) fields.set('metadata', { name: 'metadata', type: meta, required: false, description: meta.description });
  return { ...root, fields };
}

function convert(schema: JsonSchema, name: string): SchemaType {
  if (schema['x-kubernetes-int-or-string'] === true) return { kind: 'scalar', scalar: 'int-or-string' };
  const properties = asObject(schema.properties);
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const type = schema.type;
  if (properties) {
    const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
    const fields = new Map<string, Field>();
    for (const [key, value] of Object.entries(properties)) {
      const property = asObject(value) ?? {};
      fields.set(key, {
        name: key,
        type: convert(property, `${name}.${key}`),
        required: required.includes(key),
        description: typeof property.description === 'string' ? property.description : undefined,
        enum: enumOf(property) ?? enumOf(asObject(property.items) ?? {}),
        serverDefault: property.default === undefined ? undefined : JSON.stringify(property.default),
      });
    }
    const open = preserve || schema.additionalProperties === true || asObject(schema.additionalProperties) !== undefined;
    return { kind: 'object', name, description: typeof schema.description === 'string' ? schema.description : undefined, fields, required: required.filter((r) => fields.has(r)), open };
  }
  if (preserve) return ANY;
  if (type === 'object') {
    const values = asObject(schema.additionalProperties);
    return { kind: 'map', values: values ? convert(values, `${name}.*`) : ANY };
  }
  if (type === 'array') {
    const items = asObject(schema.items);
    return { kind: 'list', items: items ? convert(items, `${name}[]`) : ANY };
  }
  if (type === 'string') return { kind: 'scalar', scalar: 'string' };
  if (type === 'integer') return { kind: 'scalar', scalar: 'integer' };
  if (type === 'number') return { kind: 'scalar', scalar: 'number' };
  if (type === 'boolean') return { kind: 'scalar', scalar: 'boolean' };
  return ANY;
}

function enumOf(property: JsonSchema): string[] | undefined {
  const values = property.enum;
  if (property.type !== 'string' || !Array.isArray(values)) return undefined;
  const strings = values.filter((v): v is string => typeof v === 'string');
  return strings.length === values.length && strings.length > 0 ? strings : undefined;
}

function asObject(value: unknown): JsonSchema | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : undefined;
}
