export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  command: string;
}

export function processTree(pid: number): ProcessInfo[];
export function describeProcesses(processes: ProcessInfo[]): string[];
export function stopProcessTree(pid: number | undefined, graceMs?: number): Promise<void>;
