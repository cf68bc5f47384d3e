/** What a YAML value must be, in the API's terms. Built from the generated schema or from a CRD's openAPIV3Schema. */
export type SchemaType = ScalarType | ListType | MapType | ObjectType;

export type ScalarName = 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string' | 'quantity' | 'any';

export interface ScalarType {
  kind: 'scalar';
  scalar: ScalarName;
}

export interface ListType {
  kind: 'list';
  items: SchemaType;
}

export interface MapType {
  kind: 'map';
  values: SchemaType;
}

export interface ObjectType {
  kind: 'object';
  /** The API type's name (`V1Container`), or a CRD path for custom resources. */
  name: string;
  description?: string;
  fields: ReadonlyMap<string, Field>;
  /** Fields that must be present, in declaration order. */
  required: readonly string[];
  /** Unknown keys are allowed (x-kubernetes-preserve-unknown-fields, or properties plus additionalProperties). */
  open?: boolean;
}

export interface Field {
  name: string;
  type: SchemaType;
  required: boolean;
  description?: string;
  /** Allowed values of the string (or of each string of a list). */
  enum?: readonly string[];
  /** What the API server fills in when the field is absent (shown on hover; never reported missing). */
  serverDefault?: string;
}

export const ANY: ScalarType = { kind: 'scalar', scalar: 'any' };

/** A short human name for a type: `string`, `[]Container`, `map[string]string`, `Container`. */
export function typeLabel(type: SchemaType): string {
  switch (type.kind) {
    case 'scalar':
      return type.scalar;
    case 'list':
      return `[]${typeLabel(type.items)}`;
    case 'map':
      return `map[string]${typeLabel(type.values)}`;
    case 'object':
      return shortTypeName(type.name);
  }
}

/** `V1Container` -> `Container`, `CoreV1EventSeries` -> `EventSeries`, `V1beta1X` -> `X`. */
export function shortTypeName(name: string): string {
  return /^(?:[A-Z][a-z]+)*?V\d+(?:(?:alpha|beta)\d+)?([A-Z]\w*)$/.exec(name)?.[1] ?? name;
}
