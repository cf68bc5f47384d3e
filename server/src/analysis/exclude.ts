import picomatch from 'picomatch';

/** Folders never worth reading for manifests. */
const ALWAYS_SKIPPED = ['**/node_modules', '**/.git'];

/**
 * Globs as a list (podlab.exclude) or in VS Code's `files.exclude` / `search.exclude` shape (`{ "<glob>": true }`;
 * `{ when: ... }` conditions are sibling-file rules that cannot be decided here, so they are not applied).
 * Returns a test on folder-relative paths.
 */
export function excludeMatcher(...settings: unknown[]): (relativePath: string) => boolean {
  const globs = [...ALWAYS_SKIPPED];
  for (const setting of settings) {
    if (!setting || typeof setting !== 'object') continue;
    if (Array.isArray(setting)) {
      globs.push(...setting.filter((glob): glob is string => typeof glob === 'string' && glob !== ''));
      continue;
    }
    for (const [glob, enabled] of Object.entries(setting as Record<string, unknown>)) if (enabled === true) globs.push(glob);
  }
  const matchers = globs.map((glob) => picomatch(glob.replace(/\/+$/, ''), { dot: true }));
  return (relativePath) => matchers.some((matches) => matches(relativePath));
}
