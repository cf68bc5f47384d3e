// Drives VS Code's UI in Chromium the way a person would: code-server with the packaged
// .vsix installed, a workspace folder, Quick Open, the command palette, screenshots.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.mjs';
import { repoRoot, startCodeServer, type CodeServer } from '../../scripts/code-server.mjs';

export const vsixPath = process.env.PODLAB_VSIX ?? path.join(repoRoot, 'out', 'podlab.vsix');
export const screenshotDir = path.join(repoRoot, 'test-results', 'e2e');
export const fixtureWorkspace = path.join(repoRoot, 'test', 'integration', 'fixtures', 'workspace');
export const e2eFixtures = path.join(repoRoot, 'test', 'e2e', 'fixtures');

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
    readonly workspace: string,
    private readonly scratch: string,
  ) {}

  /** Installs the .vsix into a fresh code-server and opens, in Chromium, a folder holding copies of `files` (from `from`); `settings` go to the user settings. */
  static async open(files: string[], from = fixtureWorkspace, settings: Record<string, unknown> = {}): Promise<Workbench> {
    if (!existsSync(vsixPath)) {
      throw new Error(`${vsixPath} does not exist: run \`npm run package\` first (the e2e tests install the packaged extension)`);
    }
    const scratch = mkdtempSync(path.join(tmpdir(), 'podlab-e2e-'));
    const workspace = path.join(scratch, 'workspace');
    mkdirSync(workspace);
    for (const file of files) cpSync(path.join(from, file), path.join(workspace, file));
    const server = await startCodeServer({ vsix: vsixPath, userSettings: { 'editor.hover.delay': 300, ...settings } });
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      // The explorer appears once the folder is open; before that, key presses can go nowhere.
      await page.waitForSelector('.explorer-folders-view', { timeout: 30_000 });
      return new Workbench(page, browser, server, workspace, scratch);
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    rmSync(this.scratch, { recursive: true, force: true });
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
    await this.activeEditor().locator('.view-line').first().waitFor();
  }

  activeEditor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The text of the active editor's visible lines, with the non-breaking spaces Monaco renders made plain. */
  async editorText(): Promise<string> {
    type RenderedLine = { style: { top: string }; innerText: string };
    const lines = await this.activeEditor().locator('.view-line').evaluateAll((elements) =>
      (elements as unknown as RenderedLine[])
        .map((element) => ({ top: parseFloat(element.style.top), text: element.innerText }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }

  /** A rendered token of the active editor whose text is exactly `text` (first match). */
  token(text: string) {
    return this.activeEditor().locator('.view-line span span', { hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) }).first();
  }

  /** Errors and warnings as the status bar's Problems item shows them. */
  async problemCounts(): Promise<{ errors: number; warnings: number; label: string }> {
    const item = this.page.locator('[id="status.problems"]');
    const text = await item.innerText();
    const label = (await item.getAttribute('aria-label')) ?? '';
    const [errors, warnings] = (text.match(/\d+/g) ?? []).map(Number);
    return { errors: errors ?? 0, warnings: warnings ?? 0, label };
  }

  /** Runs a command by its title through the command palette (F1), as a user types it. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** Picks `title` in the open action widget (Ctrl+. menu) with the keyboard, as a user would. */
  async chooseAction(title: string): Promise<void> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const count = await rows.count();
    for (let step = 0; step <= count; step++) {
      const focused = await this.page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label');
      if (focused === title) {
        await this.page.keyboard.press('Enter');
        await rows.first().waitFor({ state: 'detached' });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not focus "${title}" in the action widget`);
  }

  /** The frame (webviews are nested iframes) whose document holds `selector`. */
  async frameWith(selector: string, timeoutMs = 20_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (await frame.locator(selector).count().catch(() => 0)) return frame;
      }
      await this.page.waitForTimeout(250);
    }
    const urls = this.page.frames().map((frame) => frame.url());
    throw new Error(`no frame contains ${selector} after ${timeoutMs} ms; frames: ${JSON.stringify(urls)}`);
  }
}

/** Polls until `probe` returns a value that `accept` takes, or fails with the last value seen. */
export async function until<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
