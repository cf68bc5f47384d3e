/// <reference lib="dom" />
// The panel's page in a real browser (Debian's Chromium through playwright-core), under the
// exact page shell and Content-Security-Policy the extension serves. Only acquireVsCodeApi is
// provided from outside, as VS Code provides it; a theme's colour variables can be set on the
// page the way VS Code sets them on a webview's <html>.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium.mjs';
import { previewHtml } from '../../../client/src/preview/html';
import { createNonce } from '../../../client/src/preview/nonce';
import type { HostMessage } from '../../../client/webview/protocol';
import type { SimulationResult } from '../../../client/webview/simulationResult';

const root = join(import.meta.dirname, '../../..');

// What VS Code gives a webview, and a record of anything the CSP had to block. Kept as source text:
// a function would be rewritten by the test's TypeScript loader with helpers the page does not have.
const WEBVIEW_HOST_STUB = `
  window.__sent = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__sent.push(m),
    getState: () => window.__state,
    setState: (s) => { window.__state = s; },
  });
`;
const ORIGIN = 'https://webview.test';

export async function bundleWebview(): Promise<string> {
  const bundle = await esbuild.build({ entryPoints: [join(root, 'client/webview/main.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022' });
  return bundle.outputFiles[0].text;
}

/** Opens the page; `theme` holds CSS custom properties (`--vscode-…`) for <html>, as VS Code sets them. */
export async function openPanelPage(browser: Browser, script: string, viewport = { width: 1200, height: 900 }, theme: Record<string, string> = {}): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const nonce = createNonce();
  const html = previewHtml({ cspSource: ORIGIN, nonce, scriptUri: `${ORIGIN}/dist/webview.js`, styleUri: `${ORIGIN}/media/preview.css` });
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: html });
    if (url.pathname === '/dist/webview.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    if (url.pathname === '/media/preview.css') return route.fulfill({ contentType: 'text/css', body: readFileSync(join(root, 'media/preview.css'), 'utf8') });
    return route.fulfill({ status: 404, body: '' });
  });
  const themeScript = `document.addEventListener('DOMContentLoaded', () => { const s = document.documentElement.style; for (const [k, v] of Object.entries(${JSON.stringify(theme)})) s.setProperty(k, v); });`;
  await page.addInitScript({ content: WEBVIEW_HOST_STUB + themeScript });
  await page.goto(`${ORIGIN}/`);
  return page;
}

export async function post(page: Page, message: HostMessage): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

export async function show(page: Page, result: SimulationResult, extra: Partial<Extract<HostMessage, { type: 'show' }>> = {}): Promise<void> {
  await post(page, { type: 'show', state: { uri: 'file:///w/a.yaml', resourceIndex: 0, scenario: {} }, result, resources: [], documentName: 'a.yaml', ...extra });
  await page.locator('#events').waitFor();
}

export function sent(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __sent: unknown[] }).__sent);
}

/** Moves the playhead with the time slider, as a user dragging it would. */
export async function seek(page: Page, time: number): Promise<void> {
  await page.locator('#time').evaluate((el, value) => {
    const input = el as HTMLInputElement;
    input.value = String(value);
    input.dispatchEvent(new Event('input'));
  }, time);
}

/**
 * A Chromium suite's hooks: one browser and webview bundle for the suite. The returned function opens a panel page (at
 * a viewport, in a theme); each test's page is closed after it.
 */
export function panelBrowserHooks(): (viewport?: { width: number; height: number }, theme?: Record<string, string>) => Promise<Page> {
  let browser: Browser | undefined;
  let script = '';
  let page: Page | undefined;
  before(async () => {
    script = await bundleWebview();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });
  return async (viewport, theme) => {
    if (!browser) throw new Error('Chromium did not start');
    page = await openPanelPage(browser, script, viewport, theme);
    return page;
  };
}

/** panelBrowserHooks with a fresh default panel page opened before each test. */
export function panelPageHooks(onPage: (page: Page) => void): void {
  const open = panelBrowserHooks();
  beforeEach(async () => onPage(await open()));
}
