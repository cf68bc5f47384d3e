import { mkdirSync, mkdtempSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/run';

export const FIXTURES = path.resolve(__dirname, 'fixtures');
export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in this process, as `podlab ARGS` run in `cwd` with `stdin` on standard input. */
export async function podlab(args: readonly string[], options: { cwd?: string; stdin?: string | Buffer } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: options.cwd ?? REPO_ROOT,
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    readStdin: async () => Buffer.from(options.stdin ?? ''),
    writeFile: (file, text) => fs.writeFile(file, text, 'utf8'),
  });
  return { code, stdout, stderr };
}

/** A fresh folder holding `files` (relative path -> text); removed by the returned function. */
export function tempFolder(files: Record<string, string | Buffer>): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'podlab-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
  fixAvailable: boolean;
}
