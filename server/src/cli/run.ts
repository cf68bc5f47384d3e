import * as path from 'node:path';
import { ProjectConfigs, readProjectConfig, type ProjectConfig } from '../analysis/projectConfig';
import { ruleCatalog } from '../analysis/ruleCatalog';
import { version } from '../../../package.json';
import { parseCommandLine, UsageError, type LintOptions } from './args';
import { HELP } from './help';
import { collectInputs, displayPath, type Workspace } from './inputs';
import { atOrAbove, lintWorkspaces, type LintRun } from './lint';
import { REPORTERS } from './reporters';

/** Everything the command touches outside itself, so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Buffer>;
  writeFile(file: string, text: string): Promise<void>;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Runs `podlab` with these arguments; resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.command === 'help') io.stdout(HELP);
    else if (command.command === 'version') io.stdout(`${version}\n`);
    else return await lint(command, io);
    return EXIT_CLEAN;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`podlab: ${error.message}\n`);
    return EXIT_USAGE;
  }
}

async function lint(options: LintOptions, io: CliIo): Promise<number> {
  const catalog = ruleCatalog();
  checkRuleIds(Object.keys(options.rules), catalog.filter((entry) => entry.configurable).map((entry) => entry.id));
  const configFor = configLookup(options, io.cwd);
  const { workspaces, problems } = await collectInputs(options.paths, { cwd: io.cwd, readStdin: io.readStdin, stdinFilename: options.stdinFilename });
  checkConfigs(workspaces, configFor, io.cwd);
  for (const problem of problems) io.stderr(`podlab: ${problem.display}: ${problem.message}\n`);
  const run = await lintWorkspaces(workspaces, {
    configFor,
    kubernetesVersion: options.kubernetesVersion,
    rules: options.rules,
    fix: options.fix,
    reportAtOrAbove: options.quiet ? options.failOn : undefined,
    withFixInfo: options.outputs.some((output) => output.format === 'json' || output.format === 'sarif'),
    writeFile: io.writeFile,
  });
  for (const message of run.internalErrors) io.stderr(`podlab: internal error (please report it): ${message}\n`);
  const files = run.files;
  if (problems.length > 0 && files.length === 0) return EXIT_USAGE;
  if (options.fix) printFixes(run, options, io);
  const input = { files, catalog, version, cwd: io.cwd, quiet: options.quiet };
  let unwritable = false;
  for (const output of options.outputs) {
    const report = REPORTERS[output.format](input);
    if (!output.file) {
      io.stdout(report);
      continue;
    }
    try {
      await io.writeFile(path.resolve(io.cwd, output.file), report);
    } catch (error) {
      io.stderr(`podlab: cannot write ${output.file}: ${(error as Error).message}\n`);
      unwritable = true;
    }
  }
  if (problems.length > 0 || unwritable) return EXIT_USAGE;
  return run.files.some((file) => file.findings.some((finding) => atOrAbove(finding.severity, options.failOn))) ? EXIT_FINDINGS : EXIT_CLEAN;
}

function checkRuleIds(ids: readonly string[], known: readonly string[]): void {
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UsageError(`--rule: unknown rule id ${unknown.map((id) => `"${id}"`).join(', ')} (the ids are listed in docs/rules.md).`);
}

/** --config names one file for every path; otherwise each file gets the .podlab.yaml nearest above it. */
function configLookup(options: LintOptions, cwd: string): (file: string) => ProjectConfig | undefined {
  if (options.config !== undefined) {
    const config = readProjectConfig(path.resolve(cwd, options.config));
    if (!config) throw new UsageError(`--config ${options.config}: no such file.`);
    return () => config;
  }
  const configs = new ProjectConfigs();
  return (file) => configs.forFile(file);
}

/** A settings file with mistakes stops the run before anything is linted: its author meant something else. */
function checkConfigs(workspaces: readonly Workspace[], configFor: (file: string) => ProjectConfig | undefined, cwd: string): void {
  const seen = new Set<ProjectConfig>();
  const messages: string[] = [];
  for (const file of workspaces.flatMap((workspace) => workspace.files)) {
    const config = configFor(file.path);
    if (!config || seen.has(config)) continue;
    seen.add(config);
    messages.push(...config.problems.map((problem) => `${displayPath(cwd, config.file)}: ${problem}`));
  }
  if (messages.length > 0) throw new UsageError(`invalid settings:\n  ${messages.join('\n  ')}`);
}

/** What --fix changed, on standard output when the report there is text, else on standard error. */
function printFixes(run: LintRun, options: LintOptions, io: CliIo): void {
  const textOnStdout = options.outputs.some((output) => !output.file && output.format === 'text');
  const print = textOnStdout ? io.stdout : io.stderr;
  let count = 0;
  for (const file of run.files) {
    for (const fix of file.fixes) {
      print(`${file.display}:${fix.line}:${fix.column}: fixed ${fix.code}: ${fix.title}\n`);
      count++;
    }
  }
  const fileCount = run.files.filter((file) => file.fixes.length > 0).length;
  if (!options.quiet) print(`Applied ${count} ${count === 1 ? 'fix' : 'fixes'} in ${fileCount} ${fileCount === 1 ? 'file' : 'files'}.\n`);
}
