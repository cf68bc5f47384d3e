import type { Finding, Fix } from './finding';

/** What a check reports as its fixes: the fixes themselves, or how to build them once someone asks. */
export type FixesOrBuilder = Fix[] | (() => Fix[] | undefined) | undefined;

/**
 * Sets `finding.fixes` so that a builder runs only when the fixes are first read (code actions, fix-all), once,
 * on the parse the finding came from. Building them for every finding on every keystroke would cost more than
 * the analysis itself. A builder that throws yields no fixes and is reported to `onFailure`.
 */
export function setFixes(finding: Finding, fixes: FixesOrBuilder, onFailure?: (error: unknown) => void): Finding {
  if (typeof fixes !== 'function') {
    finding.fixes = fixes;
    return finding;
  }
  let built: Fix[] | undefined;
  let pending: (() => Fix[] | undefined) | undefined = fixes;
  Object.defineProperty(finding, 'fixes', {
    enumerable: true,
    configurable: true,
    get(): Fix[] | undefined {
      if (pending) {
        const build = pending;
        pending = undefined;
        try {
          built = build();
        } catch (error) {
          onFailure?.(error);
        }
      }
      return built;
    },
    set(value: Fix[] | undefined) {
      pending = undefined;
      built = value;
    },
  });
  return finding;
}

/** Applies `transform` to the finding's fixes when they are first read (a transform may be costly: it runs then, not now). */
export function transformFixes(finding: Finding, transform: (fixes: Fix[]) => Fix[]): void {
  const descriptor = Object.getOwnPropertyDescriptor(finding, 'fixes');
  if (!descriptor?.get && !finding.fixes?.length) return;
  const read = descriptor?.get ? () => descriptor.get!.call(finding) as Fix[] | undefined : () => descriptor?.value as Fix[] | undefined;
  setFixes(finding, () => {
    const fixes = read();
    return fixes?.length ? transform(fixes) : fixes;
  });
}
