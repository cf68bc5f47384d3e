/// <reference lib="dom" />
// What the engine adds beside the pods, in Chromium: a Deployment's rollout status and
// conditions, its Service's endpoints over time, and a resource the API server refuses.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { refusedDeployment, rolloutWithService } from './fixtures';
import { panelPageHooks, seek, sent, show } from './pageHarness';

describe('webview Deployment status, Service endpoints and refusals in Chromium', function () {
  this.timeout(60_000);
  let page: Page;
  panelPageHooks((opened) => {
    page = opened;
  });

  const cells = async (selector: string) => (await page.locator(selector).allInnerTexts()).map((row) => row.split('\t').map((c) => c.trim()));

  it('shows the rollout status line, the Deployment conditions, and which pods get traffic', async () => {
    await show(page, rolloutWithService());
    const headings = await page.locator('.lane-group-heading').allInnerTexts();
    assert.deepEqual(headings.slice(0, 3), ['Deployment web', 'ReplicaSets', 'Service web: endpoints']);
    await seek(page, 15.5);
    assert.match(await page.locator('#rollout-status').innerText(), /^\$ kubectl rollout status deployment\/web\nWaiting for deployment "web" rollout to finish: 1 old replicas are pending termination\.\.\.$/);
    assert.deepEqual(await cells('#deployment tbody tr'), [['web', '1/1', '1', '1']]);
    assert.deepEqual((await cells('#deployment-conditions tbody tr')).map((r) => r.slice(0, 3)), [['Available', 'True', 'MinimumReplicasAvailable'], ['Progressing', 'True', 'ReplicaSetUpdated']]);
    assert.deepEqual(await cells('#endpoints tbody tr'), [
      ['web', 'web-aaa-1', 'false', 'false', 'true', 'no'],
      ['web', 'web-bbb-1', 'true', 'true', 'false', 'yes'],
    ]);
    const lane = (pod: string) => page.locator('.lane.endpoint', { hasText: pod }).locator('.lane-now');
    assert.equal(await lane('web-aaa-1').innerText(), 'terminating · not serving');
    assert.equal(await lane('web-bbb-1').innerText(), 'gets traffic');
    assert.equal(await page.locator('.lane.service-traffic .lane-now').innerText(), '1 of 2 endpoints get traffic');
    await seek(page, 5);
    assert.equal(await lane('web-bbb-1').innerText(), 'not an endpoint');
    assert.equal(await page.locator('.lane.rollout-status .lane-now').innerText(), 'deployment "web" successfully rolled out');
    const available = page.locator('.lane', { hasText: 'Available' }).locator('.lane-now').first();
    assert.equal(await available.innerText(), 'True · MinimumReplicasAvailable');
    assert.equal(await available.innerHTML(), 'True · Minimum<wbr>Replicas<wbr>Available', 'a narrow label wraps between the words of a reason, not inside one');
  });

  it('says a refused resource runs nothing, lists the errors, and each error shows its place in the editor', async () => {
    await show(page, refusedDeployment());
    assert.equal(await page.locator('.timeline').count(), 0);
    assert.equal(await page.locator('#pods').count(), 0, 'a refused Deployment must not show a made-up pod');
    assert.match(await page.locator('#refusal').innerText(), /would refuse Deployment web/);
    const items = await page.locator('.refusal-list li').allInnerTexts();
    assert.deepEqual(items, [
      'Line 15 strict decoding error: unknown field "spec.template.spec.contaners" (did you mean "containers"?)',
      'Line 14 spec.template.spec.containers: Required value',
    ]);
    await page.getByRole('button', { name: 'Line 15' }).focus();
    await page.keyboard.press('Enter');
    const messages = (await sent(page)).filter((m) => (m as { type: string }).type === 'reveal');
    assert.deepEqual(messages, [{ type: 'reveal', range: { start: { line: 14, character: 6 }, end: { line: 14, character: 14 } } }]);
    assert.match(await page.locator('#events').innerText(), /NotSimulated/);
  });
});
