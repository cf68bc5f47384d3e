import type { SnippetDefinition } from './snippetFile';
import { expandSnippet } from './snippetSyntax';

/** A whole-manifest template, as the New Manifest commands offer it. */
export interface ManifestTemplate {
  /** Quick pick label: the snippet's name. */
  label: string;
  description: string;
  /** Quick pick detail: the apiVersion/kind of each resource the template creates. */
  detail: string;
  /** The snippet body, inserted with its tab stops into a new untitled document. */
  snippet: string;
  /** The snippet with every tab stop at its default: what a new file holds. */
  defaultText: string;
  /** The kinds the template creates, in document order. */
  kinds: string[];
}

/** Supporting kinds that a workload template creates alongside; a file is named after the rest. */
const SUPPORTING_KINDS = new Set(['Service', 'ConfigMap', 'Secret', 'PersistentVolumeClaim']);
const TOP_LEVEL_FIELD = /^(apiVersion|kind):[ \t]*(["']?)([^\s"'#]+)\2[ \t]*(?:#.*)?$/gm;

/** The file templates among the snippets, in file order. */
export function manifestTemplates(snippets: readonly SnippetDefinition[]): ManifestTemplate[] {
  return snippets.filter((snippet) => snippet.isFileTemplate).map(toTemplate);
}

function toTemplate(snippet: SnippetDefinition): ManifestTemplate {
  const defaultText = templateFileContent(snippet.body);
  const resources = topLevelResources(defaultText);
  return {
    label: snippet.name,
    description: snippet.prefixes[0] ?? '',
    detail: [snippet.description, resources.map((r) => `${r.apiVersion} ${r.kind}`).join(' + ')].filter(Boolean).join(' — '),
    snippet: snippet.body,
    defaultText,
    kinds: resources.map((r) => r.kind),
  };
}

/** What a template's file holds: the snippet expanded with its defaults, ending in one newline. */
export function templateFileContent(snippetBody: string): string {
  return `${expandSnippet(snippetBody).replace(/\s+$/, '')}\n`;
}

/** `<kind>.yaml` for the template's main kind (a Deployment + Service template gives deployment.yaml). */
export function defaultManifestFileName(template: Pick<ManifestTemplate, 'kinds'>): string {
  const main = template.kinds.find((kind) => !SUPPORTING_KINDS.has(kind)) ?? template.kinds[0] ?? 'manifest';
  return `${main.toLowerCase()}.yaml`;
}

/** Why `name` cannot be a new manifest's file name, or undefined when it can. */
export function fileNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter a file name.';
  if (/[\\/]/.test(trimmed)) return 'Enter a file name, not a path.';
  if (trimmed === '.' || trimmed === '..') return 'Enter a file name.';
  if (!/\.ya?ml$/i.test(trimmed)) return 'Kubernetes manifests end in .yaml or .yml.';
  return undefined;
}

function topLevelResources(text: string): Array<{ apiVersion: string; kind: string }> {
  const resources: Array<{ apiVersion: string; kind: string }> = [];
  for (const document of text.split(/^---[ \t]*$/m)) {
    const fields = new Map<string, string>();
    for (const match of document.matchAll(TOP_LEVEL_FIELD)) fields.set(match[1], match[3]);
    const kind = fields.get('kind');
    if (kind) resources.push({ apiVersion: fields.get('apiVersion') ?? '', kind });
  }
  return resources;
}
