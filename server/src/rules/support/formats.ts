/** Kubernetes name and label formats (apimachinery validation); each check returns the problem in words, or undefined. */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[-a-z0-9]+$/;

export type NameFormat = 'dns1123-label' | 'dns1123-subdomain' | 'dns1035-label';

export const FORMAT_WORDS: Record<NameFormat, string> = {
  'dns1123-label': 'a DNS-1123 label: at most 63 characters, lower-case letters, digits and "-", starting and ending with a letter or digit',
  'dns1123-subdomain': 'a DNS-1123 subdomain: at most 253 characters, lower-case letters, digits, "-" and ".", each part starting and ending with a letter or digit',
  'dns1035-label': 'a DNS-1035 label: at most 63 characters, lower-case letters, digits and "-", starting with a letter and ending with a letter or digit',
};

export function checkName(value: string, format: NameFormat): string | undefined {
  if (value.length === 0) return 'must not be empty';
  switch (format) {
    case 'dns1123-label':
      if (value.length > 63) return `is ${value.length} characters long; the limit is 63`;
      if (!DNS1123_LABEL.test(value)) return DNS1123_SUBDOMAIN.test(value) ? 'must not contain dots' : `must be ${FORMAT_WORDS[format]}`;
      return undefined;
    case 'dns1123-subdomain':
      if (value.length > 253) return `is ${value.length} characters long; the limit is 253`;
      return DNS1123_SUBDOMAIN.test(value) ? undefined : `must be ${FORMAT_WORDS[format]}`;
    case 'dns1035-label':
      if (value.length > 63) return `is ${value.length} characters long; the limit is 63`;
      if (/^[0-9]/.test(value) && DNS1123_LABEL.test(value)) return 'must start with a letter';
      return DNS1035_LABEL.test(value) ? undefined : `must be ${FORMAT_WORDS[format]}`;
  }
}

/** The closest valid name: lower-cased, invalid characters replaced with "-", trimmed to the limit. */
export function normalizeName(value: string, format: NameFormat): string | undefined {
  const limit = format === 'dns1123-subdomain' ? 253 : 63;
  let name = value.toLowerCase().replace(format === 'dns1123-subdomain' ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-');
  if (format === 'dns1123-subdomain') name = name.replace(/\.{2,}/g, '.').replace(/-*\.-*/g, '.');
  name = name.replace(/^[^a-z0-9]+/, '').slice(0, limit).replace(/[^a-z0-9]+$/, '');
  if (format === 'dns1035-label' && /^[0-9]/.test(name)) name = `x-${name}`.slice(0, limit).replace(/[^a-z0-9]+$/, '');
  return name && checkName(name, format) === undefined ? name : undefined;
}

/** A label key, a selector key, or (after lower-casing) an annotation key: `[prefix/]name`. */
export function checkQualifiedName(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) return 'may contain at most one "/"';
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) return 'has an empty prefix before "/"';
    if (prefix.length > 253) return 'has a prefix longer than 253 characters';
    if (!DNS1123_SUBDOMAIN.test(prefix)) return `has a prefix ("${prefix}") that is not a DNS-1123 subdomain (lower-case letters, digits, "-" and ".")`;
  }
  if (name.length === 0) return 'has an empty name part';
  if (name.length > 63) return `has a name part of ${name.length} characters; the limit is 63`;
  if (!QUALIFIED_NAME_PART.test(name)) return 'must consist of letters, digits, "-", "_" and ".", and start and end with a letter or digit';
  return undefined;
}

export function checkLabelValue(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters long; the limit is 63`;
  if (!LABEL_VALUE.test(value)) return 'must be empty or consist of letters, digits, "-", "_" and ".", and start and end with a letter or digit';
  return undefined;
}

export function normalizeLabelValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 63).replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9]+$/, '');
}

/** A named port (IANA_SVC_NAME): container port names, named targetPorts and probe ports. */
export function checkPortName(value: string): string | undefined {
  if (value.length > 15) return `is ${value.length} characters long; the limit is 15`;
  if (!IANA_SVC_NAME.test(value)) return 'may contain only lower-case letters, digits and "-"';
  if (!/[a-z]/.test(value)) return 'must contain at least one letter (a number here is read as a name: drop the quotes to use a port number)';
  if (value.includes('--')) return 'must not contain "--"';
  if (value.startsWith('-') || value.endsWith('-')) return 'must not start or end with "-"';
  return undefined;
}

/** Holds a template placeholder (Helm `{{ }}`): not the real value, so not checked. */
export function isPlaceholder(value: string): boolean {
  return value.includes('{{') || value.includes('$(');
}
