// Launches Debian's Chromium through playwright-core with the flags that keep it quiet offline.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium binary to drive: $CHROME_PATH, else /usr/bin/chromium; throws how to install it when absent. */
export function chromiumPath() {
  const candidate = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate}. Install it with: apt-get install -y chromium ` +
        '(or set CHROME_PATH to a Chromium/Chrome binary).',
    );
  }
  return candidate;
}

/** options: { headless?: boolean, args?: string[] } */
export function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [...chromiumArgs, ...(options.args ?? [])],
  });
}
