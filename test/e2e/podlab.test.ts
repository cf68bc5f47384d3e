// End to end: the packaged extension, installed into code-server as a user installs it,
// driven through VS Code's UI in Chromium.
import * as assert from 'node:assert/strict';
import { Workbench, until } from './workbench';

describe('Podlab in VS Code (e2e, packaged .vsix)', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  before(async function () {
    this.timeout(180_000);
    // Only these two files, so that the Problems count is about the Deployment alone.
    workbench = await Workbench.open(['deployment-restart-never.yaml', 'pod.yaml']);
  });

  after(async () => {
    await workbench?.close();
  });

  it('underlines the invalid restartPolicy and counts it in the Problems status', async () => {
    await workbench.openFile('deployment-restart-never.yaml');
    const squiggle = workbench.activeEditor().locator('.squiggly-error');
    await squiggle.first().waitFor({ timeout: 60_000 });
    const problems = await until('one error in the Problems status', () => workbench.problemCounts(), (counts) => counts.errors >= 1);
    assert.equal(problems.errors, 1, `status bar says ${JSON.stringify(problems)}`);

    // The squiggle sits under the value `Never`, not under the key.
    const never = await workbench.token('Never').boundingBox();
    const squiggleBox = await squiggle.first().boundingBox();
    assert.ok(never && squiggleBox, 'token or squiggle not rendered');
    assert.ok(Math.abs(squiggleBox.y - never.y) < never.height, `squiggle at y=${squiggleBox.y}, Never at y=${never.y}`);
    assert.ok(Math.abs(squiggleBox.x - never.x) < 4, `squiggle at x=${squiggleBox.x}, Never at x=${never.x}`);
    await workbench.screenshot('1-diagnostic');
  });

  it('explains restartPolicy on hover', async () => {
    await workbench.openFile('deployment-restart-never.yaml');
    await workbench.token('restartPolicy').hover();
    const hover = workbench.page.locator('.monaco-hover:not(.hidden)', { hasText: 'restartPolicy' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await hover.innerText();
    assert.match(text, /restartPolicy/);
    assert.match(text, /Always/);
    await workbench.page.waitForTimeout(500); // let the hover finish fading in for the screenshot
    await workbench.screenshot('2-hover');
    await workbench.page.keyboard.press('Escape');
    await workbench.page.mouse.move(5, 5);
  });

  it('fixes it with the quick fix offered by Ctrl+. and the squiggle goes away', async () => {
    await workbench.openFile('deployment-restart-never.yaml');
    await workbench.token('Never').click();
    await workbench.page.keyboard.press('Control+.');
    await workbench.page.locator('.action-widget .monaco-list-row', { hasText: 'Change restartPolicy to Always' }).first().waitFor({ timeout: 20_000 });
    await workbench.screenshot('3-quick-fix-menu');
    await workbench.chooseAction('Change restartPolicy to Always');

    await until('restartPolicy: Always in the editor', () => workbench.editorText(), (text) => text.includes('restartPolicy: Always'));
    const text = await workbench.editorText();
    assert.ok(!text.includes('restartPolicy: Never'), text);
    await workbench.activeEditor().locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 20_000 });
    const problems = await until('no errors in the Problems status', () => workbench.problemCounts(), (counts) => counts.errors === 0);
    assert.equal(problems.errors, 0);
    await workbench.screenshot('4-fixed');
  });

  it('opens the lifecycle preview from the command palette and shows the pod starting', async () => {
    await workbench.openFile('pod.yaml');
    await workbench.runCommand('Podlab: Open Lifecycle Preview');
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Lifecycle: Pod/hello' }).first().waitFor({ timeout: 20_000 });

    const frame = await workbench.frameWith('#events', 30_000);
    const events = frame.locator('#events');
    await until('the Started event in the timeline', () => events.innerText(), (text) => text.includes('Started'));
    const eventsText = await events.innerText();
    for (const reason of ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']) {
      assert.match(eventsText, new RegExp(`\\b${reason}\\b`), `event ${reason} missing from #events:\n${eventsText}`);
    }
    assert.ok(eventsText.indexOf('Scheduled') < eventsText.indexOf('Started'), 'Scheduled should come before Started');
    const pageText = await frame.locator('body').innerText();
    assert.match(pageText, /\bRunning\b/, `phase Running missing from the preview:\n${pageText}`);
    await workbench.screenshot('5-preview');
  });
});
