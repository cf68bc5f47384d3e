import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { ResourceSummary } from './summary';

/** `Deployment web` */
export function resourceLabel(summary: ResourceSummary): string {
  return `${summary.kind ?? 'resource'} ${summary.name ?? '(unnamed)'}`;
}

/**
 * Where a resource is, said from the document `fromUri`: "line 12" in the same file, else "`deploy.yaml` line 3"
 * (markdown, for hovers) or "deploy.yaml line 3" (plain, for diagnostic messages).
 */
export function whereIs(summary: ResourceSummary, fromUri: string, format: 'markdown' | 'plain' = 'markdown'): string {
  const line = summary.nameRange.start.line + 1;
  if (summary.uri === fromUri) return `line ${line}`;
  const name = relativeName(summary.uri, fromUri);
  return `${format === 'markdown' ? `\`${name}\`` : name} line ${line}`;
}

/** The path of `uri` relative to the folder of `fromUri` when both are files, else its last segment. */
export function relativeName(uri: string, fromUri: string): string {
  const target = URI.parse(uri);
  const from = URI.parse(fromUri);
  if (target.scheme === 'file' && from.scheme === 'file') return path.posix.relative(path.posix.dirname(from.path), target.path);
  return path.posix.basename(target.path);
}

/** "a, b and c" with at most `limit` items, then "and N more". */
export function listWords(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
