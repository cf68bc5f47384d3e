import type { ChildProcess } from 'node:child_process';

export const repoRoot: string;
export const codeServerDir: string;
export const codeServerBin: string;

export interface StartOptions {
  folder?: string;
  vsix?: string;
  env?: Record<string, string>;
  userSettings?: Record<string, unknown>;
  logFile?: string;
  timeoutMs?: number;
  keepTempDirs?: boolean;
  port?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  pid: number | undefined;
  root: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  child: ChildProcess;
  remoteUri(absolutePath: string): string;
  stop(): Promise<void>;
}

export function assertCodeServerInstalled(): void;
export function ensureCodeServer(): void;
export function findFreePort(): Promise<number>;
export function installExtension(extensionsDir: string, vsixPath: string, userDataDir?: string): Promise<string>;
export function startCodeServer(options?: StartOptions): Promise<CodeServer>;
export function stopProcessTree(pid: number | undefined, graceMs?: number): Promise<void>;
