import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface ScanOptions {
  isExcluded(relativePath: string): boolean;
  /** Files larger than this many bytes are not read. */
  maxFileBytes: number;
}

export const MANIFEST_EXTENSIONS = /\.ya?ml$/i;

/** Every `.yaml`/`.yml` file under `folder` that is not excluded and not too large, as absolute paths. */
export async function findManifestFiles(folder: string, options: ScanOptions): Promise<string[]> {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const directory = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    const candidates: string[] = [];
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      const relative = path.relative(folder, absolute).split(path.sep).join('/');
      if (options.isExcluded(relative)) continue;
      if (entry.isDirectory()) pending.push(absolute);
      else if (entry.isFile() && MANIFEST_EXTENSIONS.test(entry.name)) candidates.push(absolute);
    }
    const sizes = await Promise.all(candidates.map((file) => fs.stat(file).then((stat) => stat.size, () => Infinity)));
    candidates.forEach((file, index) => { if (sizes[index] <= options.maxFileBytes) found.push(file); });
  }
  return found.sort();
}

/** Whether a file (absolute path) lies in `folder` and is not excluded there. */
export function isIndexable(folder: string, file: string, isExcluded: (relativePath: string) => boolean): boolean {
  const relative = path.relative(folder, file);
  if (relative.startsWith('..') || path.isAbsolute(relative) || !MANIFEST_EXTENSIONS.test(file)) return false;
  const parts = relative.split(path.sep);
  for (let depth = 1; depth <= parts.length; depth++) if (isExcluded(parts.slice(0, depth).join('/'))) return false;
  return true;
}
