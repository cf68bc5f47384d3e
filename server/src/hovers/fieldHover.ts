import { isScalar } from 'yaml';
import type { HoverProvider } from './types';
import { enumValueMeaning } from './knowledge/enumValues';
import { apiReferenceUrl } from '../schema/apiReference';
import { BUILTIN_SCHEMA } from '../schema/builtin';
import { typeLabel, shortTypeName, type Field } from '../schema/model';
import { resourceSchema, schemaAtPath } from '../schema/schemaAt';

/**
 * The API's own documentation of the key under the cursor: type, required or optional, description, the default
 * the server applies, the allowed values, and a link to the API reference. On an enum value: what it means.
 */
const fieldDocsHover: HoverProvider = {
  id: 'field-docs',
  provide({ file, location, workspace }) {
    const { resource, path, onKey, node } = location;
    const root = resourceSchema(file, resource, workspace);
    if (!root) return undefined;
    const at = schemaAtPath(root, path);
    if (!at?.field || at.mapKey) return undefined;
    const field = at.field;
    const reference = resource.apiVersion && resource.kind
      ? `[${resource.kind} ${resource.apiVersion} API reference](${apiReferenceUrl(resource.apiVersion, resource.kind, BUILTIN_SCHEMA.kubernetesVersion)})`
      : undefined;
    if (!onKey) {
      if (!isScalar(node) || typeof node.value !== 'string') return undefined;
      const meaning = enumValueMeaning(at.owner?.name, field.name, node.value);
      if (!field.enum?.includes(node.value) && !meaning) return undefined;
      return enumValueDocs(field, node.value, meaning ?? meaningOf(field.description, node.value), reference);
    }
    const owner = at.owner ? shortTypeName(at.owner.name) : undefined;
    const lines = [`**${field.name}** \`${typeLabel(field.type)}\` · ${field.required ? 'required' : 'optional'}${owner ? ` · in ${owner}` : ''}`];
    if (field.description) lines.push('', field.description);
    else if (field.type.kind === 'object' && field.type.description) lines.push('', field.type.description);
    const serverDefault = defaultOf(field);
    if (serverDefault) lines.push('', `**Default:** ${serverDefault}`);
    if (field.enum) lines.push('', `**Allowed values:** ${field.enum.map((value) => `\`${value}\``).join(', ')}`);
    if (reference) lines.push('', reference);
    return lines.join('\n');
  },
};

function enumValueDocs(field: Field, value: string, meaning: string | undefined, reference: string | undefined): string {
  const others = field.enum ? ` (one of ${field.enum.map((v) => `\`${v}\``).join(', ')})` : '';
  const lines = [`**${value}**: a value of \`${field.name}\`${others}`];
  if (meaning) lines.push('', meaning);
  if (reference) lines.push('', reference);
  return lines.join('\n');
}

/** The sentences of the description that speak of `value`, other than the one that lists all the values. */
export function meaningOf(description: string | undefined, value: string): string | undefined {
  if (!description) return undefined;
  const word = new RegExp(`(^|[^A-Za-z])${value}([^A-Za-z]|$)`);
  const sentences = sentencesOf(description).filter((sentence) => word.test(sentence) && !/\b(?:One of|one of|Valid values are|Valid options are|Must be|Can be|Supports)\b/.test(sentence));
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** The server's default: from the defaults table (rules.md §3) or the description's own "Defaults to ..." sentence. */
export function defaultOf(field: Field): string | undefined {
  if (field.serverDefault) return field.serverDefault;
  return sentencesOf(field.description ?? '').find((sentence) => /\b(?:Defaults? to|Default is|defaults to|default to|Default value is)\b/.test(sentence));
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=\.)\s+(?=[A-Z"'`])/).map((sentence) => sentence.trim()).filter(Boolean);
}

export default fieldDocsHover;
