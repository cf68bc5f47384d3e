import type { Severity } from './findings/finding';

export type RuleLevel = Severity | 'off';

export interface Settings {
  /** Per-rule severity overrides, keyed by rule id. */
  rules: Record<string, RuleLevel>;
  /** The Kubernetes release the cluster runs, e.g. "1.33"; removed-API diagnostics use it. */
  kubernetesVersion: string;
  /** Documents larger than this many characters get syntax checks only. */
  maxFileSize: number;
  /** Globs, relative to each workspace folder, of files and folders the workspace scan skips. */
  exclude?: string[];
}

/**
 * Every setting's default, in one place. package.json (contributes.configuration, which VS Code reads) and the
 * README's table repeat them; test/unit/settings.test.ts holds those copies to these values.
 */
export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  kubernetesVersion: '1.34',
  maxFileSize: 5_000_000,
  exclude: [],
};

const LEVELS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

/** Reads the `podlab` configuration section; anything malformed falls back to the default. */
export function readSettings(raw: unknown): Settings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleLevel> = {};
  if (section.rules && typeof section.rules === 'object') {
    for (const [id, level] of Object.entries(section.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) rules[id] = level as RuleLevel;
    }
  }
  const version = typeof section.kubernetesVersion === 'string' && /^\d+\.\d+$/.test(section.kubernetesVersion)
    ? section.kubernetesVersion : DEFAULT_SETTINGS.kubernetesVersion;
  const maxFileSize = typeof section.maxFileSize === 'number' && section.maxFileSize > 0 ? section.maxFileSize : DEFAULT_SETTINGS.maxFileSize;
  return { rules, kubernetesVersion: version, maxFileSize, exclude: globsOf(section.exclude) };
}

/** `["dist/**"]`, or VS Code's `files.exclude` shape `{ "dist/**": true }`. */
function globsOf(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
  if (raw && typeof raw === 'object') return Object.entries(raw).filter(([glob, on]) => on === true && glob.trim() !== '').map(([glob]) => glob);
  return [];
}
