/// <reference lib="dom" />
// Compact mode in Chromium: instead of the timeline, the page prints what `kubectl get pods -w`
// and `kubectl describe pod` would show at the playhead; the keyboard switches it on and off.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { crashingPod, failingJob } from './fixtures';
import { panelPageHooks, seek, show } from './pageHarness';

describe('webview compact mode in Chromium', function () {
  this.timeout(60_000);
  let page: Page;
  panelPageHooks((opened) => {
    page = opened;
  });

  const watch = async () => (await page.locator('#watch').innerText()).trimEnd().split('\n').map((l) => l.replace(/\s+/g, ' ').trim());

  it('switches to kubectl\'s text with the keyboard, follows the playhead, and keeps the choice', async () => {
    await show(page, crashingPod());
    await page.locator('#compact-toggle').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#compact-toggle').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('.timeline').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'compact-toggle');

    await seek(page, 21);
    assert.deepEqual(await watch(), [
      'NAME READY STATUS RESTARTS AGE',
      'web 0/1 ContainerCreating 0 0s',
      'web 0/1 Running 0 5s',
      'web 1/1 Running 0 6s',
      'web 0/1 Error 0 20s',
      'web 0/1 CrashLoopBackOff 1 20s',
    ]);
    assert.equal(await page.locator('#watch .watch-line.current').innerText().then((t) => t.replace(/\s+/g, ' ').trim()), 'web 0/1 CrashLoopBackOff 1 20s');
    assert.equal(await page.locator('#describe-heading').innerText(), '$ kubectl describe pod web');
    const describe = await page.locator('#describe').innerText();
    assert.match(describe, /^Name: +web\nStatus: +Running\nContainers:\n {2}app:\n {4}State: +Waiting\n {6}Reason: +CrashLoopBackOff/);
    assert.match(describe, /Events:\n {2}Type +Reason +Age +From +Message\n/);

    await show(page, crashingPod());
    assert.equal(await page.locator('#watch').count(), 1, 'compact mode lost on a new answer');
    const saved = await page.evaluate(() => (window as unknown as { __state: { view: { compact?: boolean } } }).__state.view.compact);
    assert.equal(saved, true);
    await page.locator('#compact-toggle').press('Space');
    assert.equal(await page.locator('.timeline').count(), 1);
  });

  it('describes the pod chosen among a Job\'s pods', async () => {
    await show(page, failingJob());
    await page.locator('#compact-toggle').click();
    await page.getByLabel('Pod', { exact: true }).selectOption('pi-ccccc');
    assert.equal(await page.locator('#describe-heading').innerText(), '$ kubectl describe pod pi-ccccc');
    await seek(page, 10);
    assert.match(await page.locator('#describe').innerText(), /Error from server \(NotFound\): pods "pi-ccccc" not found/);
    assert.deepEqual((await watch()).slice(1), ['pi-aaaaa 1/1 Running 0 0s', 'pi-aaaaa 0/1 Error 0 4s']);
  });
});
