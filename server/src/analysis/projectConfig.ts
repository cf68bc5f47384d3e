import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import type { RuleLevel, Settings } from '../settings';

/** The file a repository keeps its Podlab choices in; the command line and the editor both read it. */
export const PROJECT_CONFIG_FILE = '.podlab.yaml';

const LEVELS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);
const KNOWN_KEYS = new Set(['kubernetesVersion', 'rules', 'ignore']);

export interface ProjectConfig {
  /** The file it was read from; `ignore` globs are relative to its folder. */
  file: string;
  kubernetesVersion?: string;
  rules: Record<string, RuleLevel>;
  ignore: string[];
  /** What is wrong in the file: those entries are left out, the rest applies. */
  problems: string[];
}

/** Reads the text of a `.podlab.yaml`; every entry it cannot use becomes a problem, never an exception. */
export function parseProjectConfig(text: string, file: string): ProjectConfig {
  const config: ProjectConfig = { file, rules: {}, ignore: [], problems: [] };
  // The failsafe schema reads every scalar as a string: `kubernetesVersion: 1.30` stays "1.30", not the number 1.3.
  const document = parseDocument(text, { schema: 'failsafe', prettyErrors: false, logLevel: 'silent' });
  if (document.errors.length > 0) {
    config.problems.push(`not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
    return config;
  }
  const raw: unknown = document.toJS();
  if (raw === null || raw === undefined || raw === '') return config;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    config.problems.push('expected a map with kubernetesVersion, rules and ignore');
    return config;
  }
  const section = raw as Record<string, unknown>;
  for (const key of Object.keys(section)) if (!KNOWN_KEYS.has(key)) config.problems.push(`unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  readVersion(section.kubernetesVersion, config);
  readRules(section.rules, config);
  readIgnore(section.ignore, config);
  return config;
}

function readVersion(value: unknown, config: ProjectConfig): void {
  if (value === undefined || value === '') return;
  if (typeof value === 'string' && isKubernetesVersion(value)) config.kubernetesVersion = value;
  else config.problems.push(`kubernetesVersion must look like "1.33", not ${JSON.stringify(value)}`);
}

function readRules(value: unknown, config: ProjectConfig): void {
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    config.problems.push('rules must be a map of rule id to error, warning, information, hint or off');
    return;
  }
  for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
    if (typeof level === 'string' && LEVELS.has(level)) config.rules[id] = level as RuleLevel;
    else config.problems.push(`rules.${id}: ${JSON.stringify(level)} is not one of ${[...LEVELS].join(', ')}`);
  }
}

function readIgnore(value: unknown, config: ProjectConfig): void {
  if (value === undefined || value === null || value === '') return;
  const globs = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(globs)) {
    config.problems.push('ignore must be a list of globs');
    return;
  }
  for (const glob of globs) {
    if (typeof glob === 'string' && glob.trim() !== '') config.ignore.push(glob.trim());
    else config.problems.push(`ignore: ${JSON.stringify(glob)} is not a glob`);
  }
}

export function isKubernetesVersion(text: string): boolean {
  return /^\d+\.\d+$/.test(text);
}

/** Reads a `.podlab.yaml` from disk; undefined when there is none. Read errors are problems of the config. */
export function readProjectConfig(file: string): ProjectConfig | undefined {
  let text: string;
  try {
    if (!statSync(file).isFile()) return undefined;
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { file, rules: {}, ignore: [], problems: [`cannot be read: ${(error as Error).message}`] };
  }
  return parseProjectConfig(text, file);
}

/** `settings` with what the project config sets taking the place of the same entries. */
export function withProjectConfig(settings: Settings, config: ProjectConfig | undefined): Settings {
  if (!config) return settings;
  return {
    ...settings,
    kubernetesVersion: config.kubernetesVersion ?? settings.kubernetesVersion,
    rules: { ...settings.rules, ...config.rules },
  };
}

/** Whether `file` (absolute) matches one of the config's `ignore` globs, taken relative to the config's folder. */
export function isIgnoredBy(config: ProjectConfig | undefined, file: string): boolean {
  if (!config || config.ignore.length === 0) return false;
  const relative = path.relative(path.dirname(config.file), file).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
  return ignoreMatcher(config)(relative);
}

const matchers = new WeakMap<ProjectConfig, (relative: string) => boolean>();

function ignoreMatcher(config: ProjectConfig): (relative: string) => boolean {
  let matcher = matchers.get(config);
  if (!matcher) {
    // A glob names a file or a folder: `vendor/` and `vendor` both ignore everything under vendor.
    const tests = config.ignore.map((glob) => picomatch(glob.replace(/\/+$/, ''), { dot: true, matchBase: !glob.includes('/') }));
    matcher = (relative) => {
      const parts = relative.split('/');
      for (let depth = 1; depth <= parts.length; depth++) {
        const prefix = parts.slice(0, depth).join('/');
        if (tests.some((test) => test(prefix))) return true;
      }
      return false;
    };
    matchers.set(config, matcher);
  }
  return matcher;
}

/**
 * Finds the nearest `.podlab.yaml` upward from a folder, remembering each folder's answer. `stopAt` bounds the
 * search (an editor's workspace folder); without it the search goes up to the file system's root.
 */
export class ProjectConfigs {
  private readonly byFolder = new Map<string, ProjectConfig | undefined>();

  /** The config that applies to `file` (an absolute path). */
  forFile(file: string, stopAt?: string): ProjectConfig | undefined {
    return this.forFolder(path.dirname(file), stopAt);
  }

  forFolder(folder: string, stopAt?: string): ProjectConfig | undefined {
    const key = `${folder}\0${stopAt ?? ''}`;
    if (this.byFolder.has(key)) return this.byFolder.get(key);
    let config = readProjectConfig(path.join(folder, PROJECT_CONFIG_FILE));
    const parent = path.dirname(folder);
    if (!config && parent !== folder && folder !== stopAt && (!stopAt || isInside(stopAt, parent))) config = this.forFolder(parent, stopAt);
    this.byFolder.set(key, config);
    return config;
  }

  /** A `.podlab.yaml` was created, changed or deleted: read them again when next asked. */
  clear(): void {
    this.byFolder.clear();
  }
}

function isInside(root: string, folder: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
