// End to end, in the Dark Modern and Light Modern themes: a failing Job, a rollout with its
// Service's endpoints, and a Deployment the API server refuses, each looked at in the panel.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { toneProblems } from '../support/colour';
import { e2eFixtures, screenshotDir, Workbench, until } from './workbench';

/** VS Code's default themes, by the names `workbench.colorTheme` takes. */
const THEMES = [
  { name: 'Dark Modern', kind: 'dark', tag: 'dark' },
  { name: 'Light Modern', kind: 'light', tag: 'light' },
] as const;

describe('Lifecycle Preview in light and dark themes (e2e, packaged .vsix)', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  afterEach(async () => {
    // The editor and the panel of one test do not leak into the next.
    await workbench?.runCommand('View: Close All Editors');
  });

  async function openPreview(file: string, ready: string): Promise<Frame> {
    await workbench.runCommand('View: Close All Editors');
    await workbench.openFile(file);
    await workbench.runCommand('Podlab: Open Lifecycle Preview');
    return workbench.frameWith(ready, 30_000);
  }

  async function toEnd(frame: Frame): Promise<void> {
    await frame.locator('#time').focus();
    await workbench.page.keyboard.press('End');
  }

  /** The panel's tone colours as the theme resolves them, from the legend's swatches. */
  async function toneColours(frame: Frame): Promise<{ tones: Record<string, string>; vars: Record<string, string>; background: string; text: string; kind: string }> {
    return frame.evaluate(() => {
      const tones: Record<string, string> = {};
      for (const swatch of document.querySelectorAll<HTMLElement>('.legend .swatch')) {
        const tone = [...swatch.classList].find((c) => c.startsWith('tone-'))!.slice('tone-'.length);
        tones[tone] = getComputedStyle(swatch).borderLeftColor;
      }
      const body = getComputedStyle(document.body);
      const root = getComputedStyle(document.documentElement);
      const vars: Record<string, string> = {};
      for (const name of ['foreground', 'editor-background', 'descriptionForeground', 'focusBorder', 'charts-foreground', 'charts-lines', 'charts-red', 'charts-blue', 'charts-yellow', 'charts-orange', 'charts-green', 'charts-purple']) {
        vars[`--vscode-${name}`] = root.getPropertyValue(`--vscode-${name}`).trim();
      }
      return { tones, vars, background: body.backgroundColor, text: body.color, kind: document.body.classList.contains('vscode-light') ? 'light' : 'dark' };
    });
  }

  for (const theme of THEMES) {
    describe(theme.name, () => {
      before(async function () {
        this.timeout(240_000);
        workbench = await Workbench.open(['failing-job.yaml', 'rollout-service.yaml', 'misspelt.yaml'], e2eFixtures, { 'workbench.colorTheme': `Default ${theme.name}` });
      });

      after(async () => {
        await workbench?.close();
      });

      it('a Job whose pods fail: three pods, BackoffLimitExceeded, the Job Failed; distinct colours with readable text', async () => {
        const frame = await openPreview('failing-job.yaml', '#jobs');
        await toEnd(frame);
        const row = await until('the Job to fail', () => frame.locator('#jobs tbody tr').innerText(), (text) => /\bFailed\b/.test(text));
        assert.match(row, /0 Active \(0 Ready\) \/ 0 Succeeded \/ 3 Failed/);
        assert.match(await frame.locator('#events').innerText(), /BackoffLimitExceeded/);
        assert.equal(await frame.locator('.lane.pod').count(), 3);
        const colours = await toneColours(frame);
        assert.equal(colours.kind, theme.kind);
        mkdirSync(screenshotDir, { recursive: true });
        writeFileSync(path.join(screenshotDir, `theme-${theme.tag}-colours.json`), JSON.stringify(colours, null, 2));
        assert.deepEqual(toneProblems(colours.tones, colours.background, colours.text), []);
        await workbench.screenshot(`theme-${theme.tag}-1-job-failed`);
        await frame.locator('#compact-toggle').click();
        await frame.locator('#watch').waitFor();
        await workbench.screenshot(`theme-${theme.tag}-2-job-compact`);
        await frame.locator('#compact-toggle').click();
      });

      it('a rollout behind a Service: endpoints move from the old pods to the new ones', async () => {
        const frame = await openPreview('rollout-service.yaml', '#replicasets');
        await frame.locator('#endpoints').waitFor({ timeout: 10_000 });
        // The panel opens on the final state: step from the start into the rollout.
        await frame.locator('#restart').click();
        await until(
          'a moment when old and new pods are both endpoints',
          async () => {
            await frame.locator('#next').click();
            return frame.locator('#endpoints tbody tr').allInnerTexts();
          },
          (rows) => new Set(rows.map((r) => r.split('\t')[1]?.trim().replace(/-[a-z0-9]+$/, ''))).size >= 2,
          30_000,
        );
        await workbench.screenshot(`theme-${theme.tag}-3-rollout-endpoints`);
        await toEnd(frame);
        const status = await until('the rollout to finish', () => frame.locator('#rollout-status').innerText(), (t) => /successfully rolled out/.test(t));
        assert.match(status, /deployment "web" successfully rolled out/);
        await workbench.screenshot(`theme-${theme.tag}-4-rollout-done`);
      });

      it('a Deployment with `contaners:` is refused: no pod, the errors, a link to the line', async () => {
        const frame = await openPreview('misspelt.yaml', '#refusal');
        assert.equal(await frame.locator('#pods').count(), 0, 'a refused Deployment shows a made-up pod');
        assert.match(await frame.locator('#refusal').innerText(), /contaners/);
        await workbench.screenshot(`theme-${theme.tag}-5-refused`);
        await frame.locator('.refusal-link').first().click();
        await until('the editor to select the misspelt key', () => workbench.page.locator('.editor-group-container .monaco-editor .selected-text').count(), (n) => n > 0);
      });
    });
  }
});
