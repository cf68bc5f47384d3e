import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { excludeMatcher } from '../analysis/exclude';
import { findManifestFiles } from '../analysis/scanFolders';

/** One file to lint: read from disk or from standard input. */
export interface InputFile {
  /** Absolute path (for standard input: --stdin-filename, or `stdin.yaml`, under the current folder). */
  path: string;
  /** As reports name it: relative to the current folder when inside it. */
  display: string;
  uri: string;
  text: string;
  /** Its size in bytes. */
  bytes: number;
  fromStdin?: boolean;
}

/** What the editor would see as one workspace: a folder given on the command line, or a lone file. */
export interface Workspace {
  root?: string;
  files: InputFile[];
}

export interface InputProblem {
  display: string;
  message: string;
}

export interface InputSources {
  cwd: string;
  readStdin(): Promise<Buffer>;
  stdinFilename?: string;
}

/** Every path of the command line as workspaces; what cannot be read is a problem (exit code 2), the rest is linted. */
export async function collectInputs(paths: readonly string[], sources: InputSources): Promise<{ workspaces: Workspace[]; problems: InputProblem[] }> {
  const workspaces: Workspace[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const display = (absolute: string) => displayPath(sources.cwd, absolute);
  for (const given of paths) {
    if (given === '-') {
      const absolute = path.resolve(sources.cwd, sources.stdinFilename ?? 'stdin.yaml');
      const name = sources.stdinFilename ?? '<stdin>';
      const read = decode(await sources.readStdin());
      if (typeof read === 'string') problems.push({ display: name, message: read });
      else workspaces.push({ files: [{ path: absolute, display: name, uri: URI.file(absolute).toString(), fromStdin: true, ...read }] });
      continue;
    }
    const absolute = path.resolve(sources.cwd, given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      problems.push({ display: given, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message });
      continue;
    }
    const files = stat.isDirectory()
      ? await findManifestFiles(absolute, { isExcluded: excludeMatcher(), maxFileBytes: Infinity })
      : [absolute];
    const workspace: Workspace = { root: stat.isDirectory() ? absolute : undefined, files: [] };
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      const read = await readInput(file, display(file));
      if (typeof read === 'string') problems.push({ display: display(file), message: read });
      else workspace.files.push(read);
    }
    workspaces.push(workspace);
  }
  return { workspaces, problems };
}

async function readInput(file: string, display: string): Promise<InputFile | string> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
  }
  const read = decode(buffer);
  return typeof read === 'string' ? read : { path: file, display, uri: URI.file(file).toString(), ...read };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The text of a YAML file, or why it is not one (NUL bytes or invalid UTF-8: a binary file). */
function decode(buffer: Buffer): { text: string; bytes: number } | string {
  if (buffer.includes(0)) return 'binary file (it holds NUL bytes), not YAML';
  try {
    return { text: UTF8.decode(buffer), bytes: buffer.length };
  } catch {
    return 'not UTF-8 text (a binary file?), not YAML';
  }
}

/** `absolute` relative to `cwd` when it lies inside it, with forward slashes; else as it is. */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}
