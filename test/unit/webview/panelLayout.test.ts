/// <reference lib="dom" />
// The panel reads like kubectl and hides nothing it should show: the status line keeps up with
// the playhead, labels on the time axis are whole or absent, the axis ends inside the page with
// no horizontal scrollbar, and the pod's conditions fold away so `kubectl get pods` stays in view.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { crashingPod, deletedPod, failingJob, rolledDeployment, rolloutWithService, sidecarPod } from './fixtures';
import { toneProblems } from '../../support/colour';
import { panelBrowserHooks, seek, show } from './pageHarness';
import { DARK_MODERN, LIGHT_MODERN } from './themes';

describe('webview panel layout in Chromium', function () {
  this.timeout(60_000);
  const openPage = panelBrowserHooks();
  const open = (width = 1200, height = 900, theme: Record<string, string> = {}): Promise<Page> => openPage({ width, height }, theme);

  it('keeps the status line on the playhead\'s time while playing', async () => {
    const p = await open();
    await show(p, crashingPod());
    await seek(p, 6.5);
    await p.locator('#play').click();
    await p.waitForTimeout(1600);
    const { status, clock } = await p.evaluate(() => ({ status: document.getElementById('status')!.textContent!, clock: document.querySelector('.clock')!.textContent! }));
    await p.locator('#play').click();
    const shown = clock.split(/[./]/)[0].trim();
    assert.notEqual(shown, '0:06', `the playhead did not move (${clock})`);
    assert.ok(status.startsWith(`At ${shown}:`), `status "${status}" lags the clock "${clock}"`);
  });

  it('runs the axis to the horizon the scenario asked for ("Simulate for")', async () => {
    const p = await open();
    await show(p, { ...crashingPod(), horizon: 600 });
    assert.equal(await p.locator('#time').getAttribute('max'), '600');
    assert.match(await p.locator('.clock').innerText(), /\/ 10:00$/);
  });

  for (const width of [1200, 700, 460]) {
    it(`shows segment labels whole or not at all, ticks inside the axis, and no horizontal scrollbar (${width} px)`, async () => {
      const p = await open(width);
      for (const result of [crashingPod(), sidecarPod(), rolledDeployment(), deletedPod(), failingJob(), rolloutWithService()]) {
        await show(p, result);
        await p.locator('#time').focus();
        await p.keyboard.press('End');
        await p.waitForTimeout(50);
        const report = await p.evaluate(() => {
          const cut = [...document.querySelectorAll<HTMLElement>('.segment-label')]
            .filter((l) => l.textContent !== '' && l.scrollWidth > (l.parentElement as HTMLElement).clientWidth + 1)
            .map((l) => l.textContent);
          const outside = [...document.querySelectorAll<HTMLElement>('.tick-label')]
            .filter((l) => l.getBoundingClientRect().right > (l.closest('.track') as HTMLElement).getBoundingClientRect().right + 0.5)
            .map((l) => l.textContent);
          const untitled = [...document.querySelectorAll<HTMLElement>('.track .segment')].filter((s) => !s.title).length;
          const doc = document.documentElement;
          return { cut, outside, untitled, scroll: doc.scrollWidth - doc.clientWidth, ellipsis: document.body.innerText.includes('…') };
        });
        assert.deepEqual(report.cut, [], 'labels cut short');
        assert.deepEqual(report.outside, [], 'tick labels past the end of the axis');
        assert.equal(report.untitled, 0, 'segments without a tooltip');
        assert.ok(report.scroll <= 0, `the page scrolls sideways by ${report.scroll}px`);
      }
    });
  }

  it('folds the conditions into one row, so `kubectl get pods` shows without scrolling; the keyboard unfolds them', async () => {
    const p = await open(1200, 720);
    await show(p, sidecarPod());
    assert.equal(await p.locator('.lane.condition').filter({ visible: true }).count(), 0);
    assert.match(await p.locator('.lane.condition-summary').innerText(), /Conditions \(5\)\s+all 5 True/);
    const podsTop = await p.locator('#pods').evaluate((t) => t.getBoundingClientRect().top);
    assert.ok(podsTop < 720, `kubectl get pods starts at ${podsTop}px, below the fold`);

    await p.locator('#conditions-toggle').focus();
    await p.keyboard.press('Enter');
    assert.equal(await p.locator('#conditions-toggle').getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await p.locator('.lane.condition .lane-name').allInnerTexts(), ['PodReadyToStartContainers', 'PodScheduled', 'Initialized', 'ContainersReady', 'Ready']);
    // Unfolded stays unfolded when the pod in detail is drawn again (an edit, a new answer).
    await show(p, sidecarPod());
    assert.equal(await p.locator('.lane.condition').filter({ visible: true }).count(), 5);
    await p.locator('#conditions-toggle').press('Space');
    assert.equal(await p.locator('.lane.condition').filter({ visible: true }).count(), 0);
  });

  it('shows the startup probe and the grace period on the container lanes', async () => {
    const p = await open();
    await show(p, sidecarPod());
    await seek(p, 10);
    assert.equal(await p.locator('.lane.container', { hasText: 'api' }).locator('.lane-now').innerText(), 'Running · startup probe pending');
    await seek(p, 26);
    assert.equal(await p.locator('.lane.container', { hasText: 'api' }).locator('.lane-now').innerText(), 'Running · ready');
    await show(p, deletedPod());
    await seek(p, 12);
    const lane = p.locator('.lane.container', { hasText: 'app' });
    assert.equal(await lane.locator('.lane-now').innerText(), 'Stopping');
    assert.equal(await lane.locator('.segment.tone-terminating').count(), 1);
  });

  it('reaches every control with Tab, in reading order, each with a visible focus ring', async () => {
    const p = await open(1400, 900);
    await show(p, rolloutWithService(), { resources: [{ index: 0, kind: 'Deployment', name: 'web' }, { index: 1, kind: 'Pod', name: 'debug' }] });
    const visited: { id: string; tag: string; outline: string; top: number }[] = [];
    for (let i = 0; i < 60; i++) {
      await p.keyboard.press('Tab');
      const at = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const style = getComputedStyle(el);
        return { id: el.id || el.className || el.textContent || '', tag: el.tagName, outline: `${style.outlineStyle} ${style.outlineWidth}`, top: el.getBoundingClientRect().top + window.scrollY };
      });
      if (!at) break;
      if (visited.some((v) => v.id === at.id && v.tag === at.tag && v.top === at.top)) break;
      visited.push(at);
    }
    const ids = visited.map((v) => v.id);
    for (const id of ['resource', 'compact-toggle', 'restart', 'previous', 'play', 'next', 'speed', 'time', 'pod-0', 'pod-1', 'conditions-toggle']) {
      assert.ok(ids.includes(id), `${id} cannot be reached with Tab (reached: ${ids.join(', ')})`);
    }
    assert.ok(ids.indexOf('restart') < ids.indexOf('pod-0') && ids.indexOf('pod-0') < ids.indexOf('conditions-toggle'), 'Tab order does not follow the page');
    const invisible = visited.filter((v) => v.outline.startsWith('none') || v.outline.endsWith(' 0px'));
    assert.deepEqual(invisible, [], 'focus without a visible ring');
  });

  for (const [name, theme] of [['Dark Modern', DARK_MODERN], ['Light Modern', LIGHT_MODERN]] as const) {
    it(`colours each state apart, with readable text on every segment (${name})`, async () => {
      const p = await open(1200, 900, theme);
      await show(p, deletedPod());
      const colours = await p.evaluate(() => {
        const tones: Record<string, string> = {};
        for (const swatch of document.querySelectorAll<HTMLElement>('.legend .swatch')) {
          tones[[...swatch.classList].find((c) => c.startsWith('tone-'))!.slice('tone-'.length)] = getComputedStyle(swatch).borderLeftColor;
        }
        const body = getComputedStyle(document.body);
        return { tones, background: body.backgroundColor, text: body.color };
      });
      assert.deepEqual(toneProblems(colours.tones, colours.background, colours.text), []);
    });
  }
});
