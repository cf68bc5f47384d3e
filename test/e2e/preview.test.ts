// End to end: the Lifecycle Preview played in VS Code's UI, and a hostile manifest shown as text.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { e2eFixtures, Workbench, until } from './workbench';

describe('Lifecycle Preview in VS Code (e2e, packaged .vsix)', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  before(async function () {
    this.timeout(180_000);
    workbench = await Workbench.open(['rollout.yaml', 'hostile.yaml'], e2eFixtures);
  });

  after(async () => {
    await workbench?.close();
  });

  async function openPreview(file: string, title: string): Promise<Frame> {
    await workbench.runCommand('View: Close All Editors');
    await workbench.openFile(file);
    await workbench.runCommand('Podlab: Open Lifecycle Preview');
    await workbench.page.locator('.tabs-container .tab', { hasText: title }).first().waitFor({ timeout: 30_000 });
    const frame = await workbench.frameWith('#events', 30_000);
    await frame.locator('#play').waitFor();
    return frame;
  }

  const clockOf = async (frame: Frame) => Number(await frame.locator('#time').inputValue());

  it('plays a Deployment rollout: old and new ReplicaSets, with screenshots along the way', async () => {
    const frame = await openPreview('rollout.yaml', 'Lifecycle: Deployment/web');
    const events = await frame.locator('#events').innerText();
    for (const reason of ['ScalingReplicaSet', 'SuccessfulCreate', 'Scheduled', 'Pulled', 'Started', 'SuccessfulDelete', 'Killing']) {
      assert.match(events, new RegExp(`\\b${reason}\\b`), `${reason} missing from the events table`);
    }

    // Back to the start, play for a moment at the default speed, pause.
    await frame.locator('#restart').click();
    assert.equal(await clockOf(frame), 0);
    await frame.locator('#play').click();
    await until('the playhead to move', () => clockOf(frame), (t) => t > 2);
    await frame.locator('#play').click();
    const paused = await clockOf(frame);
    await workbench.page.waitForTimeout(500);
    assert.equal(await clockOf(frame), paused, 'the playhead moved while paused');
    assert.match(await frame.locator('#play').innerText(), /Play/);
    await workbench.screenshot('preview-1-paused');

    // Step with "Next" into the rollout: pods of both ReplicaSets at once.
    const replicaSets = async () =>
      (await frame.locator('#replicasets tbody tr').allInnerTexts()).map((row) => row.split('\t').map((cell) => cell.trim()));
    const current = (rows: string[][]) => rows.map((cells) => Number(cells[3]));
    await until(
      'a frame where the old and the new ReplicaSet both have pods',
      async () => {
        await frame.locator('#next').click();
        return replicaSets();
      },
      (rows) => rows.length === 2 && current(rows).every((n) => n > 0),
      30_000,
    );
    await workbench.screenshot('preview-2-rollout');

    // The end: the new ReplicaSet holds all 3 pods, the old one none.
    await frame.locator('#time').focus();
    await workbench.page.keyboard.press('End');
    const end = await until('the rollout to complete', replicaSets, (rows) => rows.length === 2 && rows[0][1] === '2' && rows[0][3] === '3' && rows[1][3] === '0');
    assert.deepEqual(end.map((cells) => cells[4]), ['3', '0'], 'READY column at the end');
    await workbench.screenshot('preview-3-end');
  });

  it('takes a scenario from the panel: a container that exits 1 goes into CrashLoopBackOff', async () => {
    const frame = await openPreview('rollout.yaml', 'Lifecycle: Deployment/web');
    await frame.getByLabel('Exits after (s)').fill('8');
    await frame.getByLabel('with exit code').fill('1');
    await frame.getByRole('button', { name: 'Apply' }).click();
    const events = await until('a BackOff event', () => frame.locator('#events').innerText(), (text) => /\bBackOff\b/.test(text), 30_000);
    assert.match(events, /Back-off restarting failed container nginx/);
    const pods = await frame.locator('body').innerText();
    assert.match(pods, /CrashLoopBackOff/);
    await frame.locator('#scenario-heading').scrollIntoViewIfNeeded();
    await workbench.screenshot('preview-5-scenario-crashloop');
  });

  it('comes back after the window reloads, on the same resource', async () => {
    await openPreview('rollout.yaml', 'Lifecycle: Deployment/web');
    // As a user reloads: the command lets VS Code save the open editors and panels before the page goes.
    const reloaded = workbench.page.waitForEvent('load', { timeout: 60_000 });
    await workbench.runCommand('Developer: Reload Window');
    await reloaded;
    await workbench.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Lifecycle: Deployment/web' }).first().waitFor({ timeout: 60_000 });
    const frame = await workbench.frameWith('#events', 60_000);
    const events = await until('the restored timeline', () => frame.locator('#events').innerText(), (text) => text.includes('ScalingReplicaSet'));
    assert.match(events, /SuccessfulCreate/);
    await workbench.screenshot('preview-6-restored');
  });

  it('shows names, labels and images that carry HTML and script as text, and runs none of them', async () => {
    const frame = await openPreview('hostile.yaml', 'Lifecycle: Pod/');
    const text = await frame.locator('body').innerText();
    assert.ok(text.includes('<img src=x onerror="window.__pwned=1">'), 'the pod name is not shown as text');
    assert.ok(text.includes('<script>window.__pwned=5</script>:1.0'), 'the image is not shown as text');
    assert.ok(text.includes('"><svg onload="window.__pwned=4">'), 'the container name is not shown as text');
    assert.equal(await frame.locator('#app img, #app script, #app svg[onload]').count(), 0, 'the page made elements out of manifest strings');
    assert.equal(await frame.evaluate('typeof window.__pwned'), 'undefined', 'a payload ran');
    await workbench.screenshot('preview-4-hostile');
  });
});
