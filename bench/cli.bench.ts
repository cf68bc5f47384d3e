/**
 * `podlab lint` at scale: generates folders of 2,000 and 5,000 manifest files (one application each: a Deployment,
 * its Service and PVC), the same 5,000 with each application in a folder of its own and each resource in its own file,
 * 5,000 files whose Service selects pods of no file (the cross-file rules' worst case), and one file of 10,000 lines;
 * runs the built dist/cli.js on each in a fresh process, and prints the wall time, files per second and peak RSS (GNU
 * time's maximum resident set size).
 * Budgets: 2,000 files < 10 s, 5,000 files < 20 s, all < 300 MiB; the 10,000-line file < 1 s.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { application, manifest, random } from './generatedManifests';

const CLI = resolve(__dirname, '../dist/cli.js');
const GNU_TIME = '/usr/bin/time';
const PER_FOLDER = 50;
const MIB = 1024 * 1024;

interface Case {
  name: string;
  /** What to lint, relative to the scratch folder. */
  target: string;
  files: number;
  budgetSeconds: number;
  budgetMiB: number;
}

function writeFolder(root: string, files: number): void {
  const next = random(files);
  for (let index = 0; index < files; index++) {
    const folder = join(root, `team-${Math.floor(index / PER_FOLDER)}`);
    if (index % PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `app-${index}.yaml`), application(index, next));
  }
}

/** Each application in a folder of its own, one resource a file (deployment.yaml, service.yaml, pvc.yaml): `files` files. */
function writeSplitFolder(root: string, files: number): void {
  const next = random(files);
  for (let index = 0, written = 0; written < files; index++) {
    const folder = join(root, `team-${Math.floor(index / PER_FOLDER)}`, `app-${index}`);
    mkdirSync(folder, { recursive: true });
    for (const [at, resource] of application(index, next).split(/^---\r?\n/m).entries()) {
      if (written++ < files) writeFileSync(join(folder, `${at}-resource.yaml`), resource);
    }
  }
}

/** Each file a Deployment and a Service whose selector matches no pod template of the workspace. */
function writeUnmatchedFolder(root: string, files: number): void {
  for (let index = 0; index < files; index++) {
    const folder = join(root, `team-${Math.floor(index / PER_FOLDER)}`);
    if (index % PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    const service = `apiVersion: v1\nkind: Service\nmetadata:\n  name: api-${index}\nspec:\n  selector:\n    app: elsewhere-${index}\n  ports:\n    - port: 80\n`;
    writeFileSync(join(folder, `api-${index}.yaml`), `${service}---\n${application(index, random(index + 1)).split(/^---\r?\n/m)[0]}`);
  }
}

function measure(scratch: string, target: string): { seconds: number; cpuSeconds?: number; rssMiB?: number; code: number | null; findings: number } {
  const out = join(scratch, 'report.json');
  const timed = existsSync(GNU_TIME);
  const command = timed ? [GNU_TIME, '-f', '%e %U %S %M', '-o', join(scratch, 'time.txt'), process.execPath] : [process.execPath];
  const started = performance.now();
  const run = spawnSync(command[0], [...command.slice(1), CLI, 'lint', target, '--format', `json=${out}`, '--quiet'], { cwd: scratch, encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (run.status === 2 || run.error) throw new Error(`podlab failed: ${run.error?.message ?? run.stderr}`);
  const findings = (JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length;
  if (!timed) return { seconds: wall, code: run.status, findings };
  const [elapsed, user, system, kib] = readFileSync(join(scratch, 'time.txt'), 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: elapsed, cpuSeconds: user + system, rssMiB: (kib * 1024) / MIB, code: run.status, findings };
}

function main(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
  const scratch = mkdtempSync(join(tmpdir(), 'podlab-cli-bench-'));
  try {
    writeFolder(join(scratch, 'files-2000'), 2_000);
    writeFolder(join(scratch, 'files-5000'), 5_000);
    writeSplitFolder(join(scratch, 'split-5000'), 5_000);
    writeUnmatchedFolder(join(scratch, 'unmatched-5000'), 5_000);
    writeFileSync(join(scratch, 'lines-10000.yaml'), manifest(10_000));
    const cases: Case[] = [
      { name: '2,000 manifest files', target: 'files-2000', files: 2_000, budgetSeconds: 10, budgetMiB: 300 },
      { name: '5,000 manifest files', target: 'files-5000', files: 5_000, budgetSeconds: 20, budgetMiB: 300 },
      { name: '5,000 files, one resource each', target: 'split-5000', files: 5_000, budgetSeconds: 20, budgetMiB: 300 },
      { name: '5,000 files, Services unmatched', target: 'unmatched-5000', files: 5_000, budgetSeconds: 20, budgetMiB: 300 },
      { name: 'one file of 10,000 lines', target: 'lines-10000.yaml', files: 1, budgetSeconds: 1, budgetMiB: 300 },
    ];
    let allWithin = true;
    for (const item of cases) {
      const { seconds, cpuSeconds, rssMiB, findings } = measure(scratch, item.target);
      const within = seconds < item.budgetSeconds && (rssMiB === undefined || rssMiB < item.budgetMiB);
      allWithin &&= within;
      const rss = rssMiB === undefined ? 'RSS n/a' : `peak RSS ${rssMiB.toFixed(0)} MiB (budget ${item.budgetMiB})`;
      // CPU seconds say what the run costs when the machine is shared (wall time then includes waiting for a core).
      const cpu = cpuSeconds === undefined ? '' : `  CPU ${cpuSeconds.toFixed(2)} s`;
      console.log(`${item.name.padEnd(31)} ${seconds.toFixed(2).padStart(6)} s (budget ${item.budgetSeconds} s)${cpu}  ${(item.files / seconds).toFixed(0).padStart(5)} files/s  ${rss}  ${findings} findings at or above error  ${within ? 'ok' : 'OVER BUDGET'}`);
    }
    process.exitCode = allWithin ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
