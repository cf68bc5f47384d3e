import { ruleDocsUrl } from '../findings/docsUrl';
import type { ManifestFile, Resource } from '../parse/model';
import { mapAt, pairOf, spanOf } from '../yaml/nodes';
import { whereIs } from '../workspace/describe';
import { identityKey } from '../workspace/workspaceIndex';
import type { Rule } from './types';

/** Two objects with one identity: applied together, the later one silently replaces the earlier. */
const rule: Rule = {
  meta: {
    id: 'duplicate-resource',
    severity: 'warning',
    category: 'cross-resource',
    description: 'The same API group, kind, namespace and name twice in one file or one folder (applied together, one replaces the other).',
    docsUrl: ruleDocsUrl('duplicate-resource'),
    fixable: false,
  },
  check({ file, resource, workspace, report }) {
    const key = identityKey(resource);
    if (!key) return;
    const places: string[] = resourcesByIdentity(file).get(key)!
      .filter((other) => other !== resource)
      .map((other) => `line ${lineOf(file.text, nameOffset(other))}`);
    if (workspace) {
      const own = workspace.index.summaryOf(workspace.uri, resource.index);
      if (own) {
        // In file order, whatever order the editor opened the files in: the message is the same in every editor and the CLI.
        const others = workspace.index.duplicatesOf(own).filter((other) => other.uri !== workspace.uri)
          .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line));
        places.push(...others.map((other) => whereIs(other, workspace.uri, 'plain')));
      }
    }
    if (places.length === 0) return;
    const metadata = mapAt(resource.root, 'metadata');
    const span = spanOf(metadata ? pairOf(metadata, 'name')?.value : undefined) ?? resource.span;
    report({
      span,
      message: `${resource.kind} "${resource.name}"${resource.namespace ? ` in namespace ${resource.namespace}` : ''} is also defined at ${places.join(', ')}: applied together, one replaces the other.`,
    });
  },
};

const identities = new WeakMap<ManifestFile, Map<string, Resource[]>>();

/** The file's resources by identity, built once per parse (the rule runs once per resource: comparing pairs is quadratic). */
function resourcesByIdentity(file: ManifestFile): Map<string, Resource[]> {
  let byKey = identities.get(file);
  if (!byKey) {
    byKey = new Map();
    for (const resource of file.resources) {
      const key = identityKey(resource);
      if (!key) continue;
      const list = byKey.get(key);
      if (list) list.push(resource);
      else byKey.set(key, [resource]);
    }
    identities.set(file, byKey);
  }
  return byKey;
}

function nameOffset(resource: Resource): number {
  const metadata = mapAt(resource.root, 'metadata');
  return spanOf(metadata ? pairOf(metadata, 'name')?.value : undefined)?.[0] ?? resource.span[0];
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

export default rule;
