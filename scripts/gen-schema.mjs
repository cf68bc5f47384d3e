// Generates the compact Kubernetes API schema the server bundles (build/generated/k8s-schema.json) from
// @kubernetes/client-node: field types from each model's attributeTypeMap (.js), descriptions and required markers
// from the declaration comments (.d.ts), and the served apiVersion/kind pairs from the API classes' request paths.
// Deterministic: the same package version gives byte-identical output.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRA_ENUMS, QUANTITY_FIELDS, SERVER_DEFAULTS, VALIDATION_REQUIRED } from './schema-supplement.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = path.join(ROOT, 'node_modules/@kubernetes/client-node');
const MODELS = path.join(PACKAGE, 'dist/gen/models');
const APIS = path.join(PACKAGE, 'dist/gen/apis');
const OUT = path.join(ROOT, 'build/generated/k8s-schema.json');

const packageVersion = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')).version;

/** Reads one model: its attribute list and, from the .d.ts, the class description and per-field description/required. */
function readModel(name) {
  const js = fs.readFileSync(path.join(MODELS, `${name}.js`), 'utf8');
  const match = /\.attributeTypeMap = (\[[\s\S]*?\]);/.exec(js);
  if (!match) return undefined;
  const attributes = JSON.parse(match[1]);
  const dts = fs.readFileSync(path.join(MODELS, `${name}.d.ts`), 'utf8');
  const classDoc = /\/\*\*\n\* (.*)\n\*\/\nexport declare class/.exec(dts);
  const fieldDocs = new Map();
  const fieldPattern = /(?: {4}\/\*\*\n {4}\* (.*)\n {4}\*\/\n)? {4}'([^']+)'(\?)?:/g;
  for (let m; (m = fieldPattern.exec(dts));) fieldDocs.set(m[2], { description: m[1] ? unescape(m[1]) : undefined, required: m[3] !== '?' });
  return { attributes, description: classDoc ? unescape(classDoc[1]) : undefined, fieldDocs };
}

function unescape(text) {
  return text.replace(/\\(["'\\])/g, '$1').trim();
}

/** Type codes: string integer number boolean any int-or-string quantity, a type name, `[]T` (list) or `{}T` (map). */
function typeCode(type, format, models) {
  if (type === 'string' || type === 'Date' || type === 'V1MicroTime') return 'string';
  if (type === 'number') return format === 'double' ? 'number' : 'integer';
  if (type === 'boolean') return 'boolean';
  if (type === 'any') return 'any';
  if (type === 'IntOrString') return 'int-or-string';
  const list = /^Array<(.+)>$/.exec(type);
  if (list) return `[]${typeCode(list[1], format, models)}`;
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return `{}${typeCode(map[1], format, models)}`;
  if (models.has(type)) return type;
  throw new Error(`Unknown type ${type}`);
}

const LIST_SEPARATOR = /\s*(?:,\s*and|,\s*or|,|\band\b|\bor\b)\s*/;
const ENUM_LEAD = /(?:^|\.\s+)(?:One of:?|one of|Valid values are:?|Valid options are|Must be|must be|Can be|can be|Supports|Allowed values are:?|either)\s+([^.]+)\.(?:\s|$)/g;

/** Enumerations stated as a plain list in the description ("One of Always, OnFailure, Never."), else undefined. */
function enumFromDescription(description) {
  if (!description) return undefined;
  for (const m of description.matchAll(ENUM_LEAD)) {
    const clause = m[1].replace(/\s*\([^)]*\)/g, '');
    const parts = clause.split(LIST_SEPARATOR).map((part) => part.trim()).filter(Boolean);
    const values = parts.map((part) => /^(["'`]?)([A-Z][A-Za-z0-9]*)\1$/.exec(part)?.[2]);
    if (values.length >= 2 && values.every(Boolean)) return values;
  }
  return undefined;
}

/** Descriptions repeat across API versions: each is stored once, in `strings`, and referred to by index. */
const strings = [];
const stringIndex = new Map();
function text(value) {
  let index = stringIndex.get(value);
  if (index === undefined) {
    index = strings.length;
    strings.push(value);
    stringIndex.set(value, index);
  }
  return index;
}

function buildTypes() {
  const names = fs.readdirSync(MODELS).filter((f) => f.endsWith('.js') && f !== 'all.js' && f !== 'ObjectSerializer.js').map((f) => f.slice(0, -3)).sort();
  const models = new Map();
  for (const name of names) {
    const model = readModel(name);
    if (model) models.set(name, model);
  }
  const types = {};
  for (const [name, model] of models) {
    const fields = {};
    for (const attribute of model.attributes) {
      const field = attribute.baseName;
      const doc = model.fieldDocs.get(attribute.name) ?? {};
      let t = typeCode(attribute.type, attribute.format, models);
      const quantity = QUANTITY_FIELDS[name]?.[field];
      if (quantity !== undefined) t = `${quantity}quantity`;
      const entry = { t };
      const required = (doc.required || VALIDATION_REQUIRED[name]?.includes(field)) && SERVER_DEFAULTS[name]?.[field] === undefined;
      if (required) entry.r = 1;
      if (doc.description) entry.d = text(doc.description);
      const values = EXTRA_ENUMS[name]?.[field] ?? (t === 'string' ? enumFromDescription(doc.description) : undefined);
      if (values) entry.e = values;
      const serverDefault = SERVER_DEFAULTS[name]?.[field];
      if (serverDefault) entry.def = serverDefault;
      fields[field] = entry;
    }
    types[name] = model.description ? { d: text(model.description), f: fields } : { f: fields };
  }
  return { types, models };
}

/** The group/version and kind of every object the API serves: from the create and list calls of each API class. */
function buildKinds(models) {
  const kinds = new Map();
  for (const file of fs.readdirSync(APIS).filter((f) => /Api\.js$/.test(f)).sort()) {
    const js = fs.readFileSync(path.join(APIS, file), 'utf8');
    for (const block of js.split(/\n {4}async /)) {
      const method = /^(create|list)\w*\(/.exec(block);
      const route = /const localVarPath = '([^']+)'/.exec(block);
      if (!method || !route || route[1].includes('{name}')) continue;
      let typeName;
      if (method[1] === 'create') typeName = /ObjectSerializer\.serialize\(body, "(\w+)"/.exec(block)?.[1];
      else typeName = /"(\w+)List", ""\)/.exec(js.slice(js.indexOf(`${block.slice(0, block.indexOf('('))}WithHttpInfo(`)))?.[1];
      if (!typeName || !models.has(typeName)) continue;
      const apiVersion = apiVersionOf(route[1]);
      const kind = kindOf(typeName);
      if (!apiVersion || !kind || !models.get(typeName).attributes.some((a) => a.name === 'kind')) continue;
      const key = `${apiVersion} ${kind}`;
      const namespaced = route[1].includes('{namespace}');
      const previous = kinds.get(key);
      kinds.set(key, { apiVersion, kind, type: typeName, namespaced: previous?.namespaced || namespaced });
    }
  }
  return [...kinds.values()].sort((a, b) => (a.apiVersion + a.kind).localeCompare(b.apiVersion + b.kind));
}

function apiVersionOf(route) {
  const core = /^\/api\/(v\w+)\//.exec(route);
  if (core) return core[1];
  const grouped = /^\/apis\/([^/]+)\/(v\w+)\//.exec(route);
  return grouped ? `${grouped[1]}/${grouped[2]}` : undefined;
}

function kindOf(typeName) {
  return /^(?:[A-Z][a-z]+)*?V\d+(?:(?:alpha|beta)\d+)?([A-Z]\w*)$/.exec(typeName)?.[1];
}

const { types, models } = buildTypes();
const kinds = buildKinds(models);
const schema = {
  source: `@kubernetes/client-node@${packageVersion}`,
  kubernetes: readSpecVersion(),
  kinds: kinds.map(({ apiVersion, kind, type, namespaced }) => [apiVersion, kind, type, namespaced ? 1 : 0]),
  types: pruneUnreachable(types, kinds),
};
schema.strings = compactStrings(schema.types);

function readSpecVersion() {
  const header = fs.readFileSync(path.join(MODELS, 'V1Pod.js'), 'utf8');
  return /OpenAPI spec version: release-(\d+\.\d+)/.exec(header)?.[1] ?? 'unknown';
}

/** Only the types some served kind reaches. */
function pruneUnreachable(all, served) {
  const keep = new Set();
  const visit = (name) => {
    if (keep.has(name) || !all[name]) return;
    keep.add(name);
    for (const field of Object.values(all[name].f)) visit(field.t.replace(/^(\[\]|\{\})+/, ''));
  };
  served.forEach((k) => visit(k.type));
  return Object.fromEntries([...keep].sort().map((name) => [name, all[name]]));
}

/** Keeps the strings the pruned types use, renumbered in first-use order. */
function compactStrings(kept) {
  const used = [];
  const renumber = new Map();
  const map = (index) => {
    if (!renumber.has(index)) {
      renumber.set(index, used.length);
      used.push(strings[index]);
    }
    return renumber.get(index);
  };
  for (const type of Object.values(kept)) {
    if (type.d !== undefined) type.d = map(type.d);
    for (const field of Object.values(type.f)) if (field.d !== undefined) field.d = map(field.d);
  }
  return used;
}

fs.mkdirSync(path.dirname(OUT), { recursive: true });
const output = JSON.stringify(schema);
fs.writeFileSync(OUT, output);
console.log(`gen-schema: ${kinds.length} kinds, ${Object.keys(schema.types).length} types, ${(output.length / 1024).toFixed(0)} KiB -> ${path.relative(ROOT, OUT)}`);
