import type { Browser } from 'playwright-core';

export const chromiumArgs: string[];
export function chromiumPath(): string;
export function launchChromium(options?: { headless?: boolean; args?: string[] }): Promise<Browser>;
