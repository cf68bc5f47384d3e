import type { ProcessInfo } from './process-tree.mjs';

interface Writer {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

export interface Layer {
  name: string;
  command: string[];
  limitMs: number;
  mocha?: boolean;
  needs?: string[];
  check?: () => string | undefined;
  before?: () => void;
}

export interface Outcome {
  name: string;
  passed: number;
  failed: number;
  note: string;
  durationMs: number;
}

export function parseMochaSummary(output: string): { passing?: number; failing?: number; pending?: number };
export function shortName(process: ProcessInfo): string;
export function runCommand(
  command: string[],
  options?: { cwd?: string; limitMs?: number; graceMs?: number; out?: Writer; err?: Writer },
): Promise<{ code: number; stdout: string; timedOut: boolean; stillRunning: ProcessInfo[] }>;
export function runLayers(
  layers: Layer[],
  options?: { cwd?: string; graceMs?: number; out?: Writer; err?: Writer },
): Promise<{ outcomes: Outcome[]; passed: number; failed: number }>;
