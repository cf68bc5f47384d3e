import * as path from 'node:path';
import type { FileEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { isIgnoredBy, PROJECT_CONFIG_FILE, ProjectConfigs, withProjectConfig, type ProjectConfig } from '../analysis/projectConfig';
import type { Settings } from '../settings';

export interface ProjectSettingsOptions {
  /** The editor's settings. */
  base(): Settings;
  /** The workspace folder holding a path: the search for .podlab.yaml stops there (or at the file's own folder). */
  folderOf(file: string): string | undefined;
  warn(message: string): void;
}

/**
 * The settings of each document: the editor's, with the nearest .podlab.yaml above the document taking the place of
 * what it sets (as `podlab lint` reads it), and whether that file's `ignore` globs leave the document out.
 */
export class ProjectSettings {
  private readonly configs = new ProjectConfigs();
  private readonly warned = new Set<string>();

  constructor(private readonly options: ProjectSettingsOptions) {}

  settingsFor(uri: string): Settings {
    return withProjectConfig(this.options.base(), this.configFor(uri));
  }

  isIgnored(uri: string): boolean {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' && isIgnoredBy(this.configFor(uri), parsed.fsPath);
  }

  /** Whether a .podlab.yaml is among the changed files (then every document's settings are read again). */
  configChanged(changes: readonly FileEvent[]): boolean {
    if (!changes.some((change) => change.uri.endsWith(`/${PROJECT_CONFIG_FILE}`))) return false;
    this.configs.clear();
    this.warned.clear();
    return true;
  }

  private configFor(uri: string): ProjectConfig | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const file = parsed.fsPath;
    const folder = this.options.folderOf(file);
    const config = this.configs.forFile(file, folder ?? path.dirname(file));
    if (config && config.problems.length > 0 && !this.warned.has(config.file)) {
      this.warned.add(config.file);
      this.options.warn(`${config.file}: ${config.problems.join('; ')} (those entries are not applied).`);
    }
    return config;
  }
}
