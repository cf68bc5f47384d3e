import { parseArgs } from 'node:util';
import type { Severity } from '../findings/finding';
import type { RuleLevel } from '../settings';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const LEVELS: readonly string[] = [...SEVERITIES, 'off'];

/** Where one report goes: standard output, or a file. */
export interface OutputSpec {
  format: FormatName;
  file?: string;
}

export interface LintOptions {
  command: 'lint';
  paths: string[];
  outputs: OutputSpec[];
  failOn: Severity;
  rules: Record<string, RuleLevel>;
  kubernetesVersion?: string;
  config?: string;
  fix: boolean;
  quiet: boolean;
  stdinFilename?: string;
}

export type Command = LintOptions | { command: 'help' } | { command: 'version' };

/** A mistake on the command line: reported with exit code 2. */
export class UsageError extends Error {}

const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  'fail-on': { type: 'string' },
  rule: { type: 'string', multiple: true },
  'kubernetes-version': { type: 'string' },
  config: { type: 'string', short: 'c' },
  fix: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'stdin-filename': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('No command given: run `podlab lint [PATH...]` (see `podlab --help`).');
  if (command !== 'lint') throw new UsageError(`Unknown command "${command}": the command is \`podlab lint [PATH...]\` (see \`podlab --help\`).`);
  const failOn = values['fail-on'] ?? 'error';
  if (!SEVERITIES.includes(failOn as Severity)) throw new UsageError(`--fail-on ${failOn}: expected one of ${SEVERITIES.join(', ')}.`);
  const kubernetesVersion = values['kubernetes-version'];
  if (kubernetesVersion !== undefined && !/^\d+\.\d+$/.test(kubernetesVersion)) {
    throw new UsageError(`--kubernetes-version ${kubernetesVersion}: expected a release like 1.33.`);
  }
  const options: LintOptions = {
    command: 'lint',
    paths: paths.length > 0 ? paths : ['.'],
    outputs: (values.format ?? ['text']).map(parseOutput),
    failOn: failOn as Severity,
    rules: parseRules(values.rule ?? []),
    kubernetesVersion,
    config: values.config,
    fix: !!values.fix,
    quiet: !!values.quiet,
    stdinFilename: values['stdin-filename'],
  };
  if (options.paths.filter((p) => p === '-').length > 1) throw new UsageError('`-` (standard input) may be given once.');
  if (options.fix && options.paths.includes('-')) throw new UsageError('--fix cannot write back to standard input: give the file path instead.');
  if (options.outputs.filter((output) => !output.file).length > 1) {
    throw new UsageError('Only one --format may go to standard output; send the others to files with --format FORMAT=FILE.');
  }
  return options;
}

function parseOutput(value: string): OutputSpec {
  const at = value.indexOf('=');
  const format = at < 0 ? value : value.slice(0, at);
  const file = at < 0 ? undefined : value.slice(at + 1);
  if (!FORMATS.includes(format as FormatName)) throw new UsageError(`--format ${value}: expected one of ${FORMATS.join(', ')}, optionally as FORMAT=FILE.`);
  if (file === '') throw new UsageError(`--format ${value}: the file name after "=" is missing.`);
  return { format: format as FormatName, file };
}

function parseRules(values: readonly string[]): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const value of values) {
    const match = /^([a-z0-9-]+)=([a-z]+)$/.exec(value);
    if (!match || !LEVELS.includes(match[2])) throw new UsageError(`--rule ${value}: expected RULE-ID=SEVERITY with SEVERITY one of ${LEVELS.join(', ')}.`);
    rules[match[1]] = match[2] as RuleLevel;
  }
  return rules;
}
