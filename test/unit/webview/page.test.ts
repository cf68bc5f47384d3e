/// <reference lib="dom" />
// The panel's page in a real browser (Debian's Chromium through playwright-core),
// under the exact page shell and Content-Security-Policy the extension serves:
// hostile manifest strings render as text and run nothing, and the controls work.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import type { SimulationResult } from '../../../client/webview/simulationResult';
import { container, crashingPod, failingJob, pod, rolledDeployment } from './fixtures';
import { panelPageHooks, post as postTo, seek as seekTo, sent as sentBy, show as showOn } from './pageHarness';

/** Strings a hostile manifest could carry; each would set window.__pwned if it ever ran. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '"><svg onload="window.__pwned=4">',
  '{{constructor.constructor("window.__pwned=5")()}}',
];

function hostileResult(): SimulationResult {
  const [img, script, js, svg, template] = PAYLOADS;
  return {
    resource: { kind: 'Pod', name: img },
    events: [
      { at: 0, type: 'Normal', reason: 'Scheduled', object: `pod/${img}`, message: `Successfully assigned default/${img} to node-1` },
      { at: 1, type: 'Normal', reason: 'Pulling', object: `pod/${img}`, message: `Pulling image "${script}"` },
      { at: 4, type: 'Warning', reason: 'Failed', object: `pod/${img}`, message: `Failed to pull image "${js}": ${svg}` },
    ],
    frames: [
      { at: 0, pods: [pod(img, 'Pending', [container(script, 'app', 'waiting', { reason: 'ContainerCreating' }), container(svg, 'sidecar', 'waiting', { reason: template })], { conditions: { PodScheduled: 'True' } })] },
      { at: 4, pods: [pod(img, 'Pending', [container(script, 'app', 'waiting', { reason: 'ErrImagePull', message: js }), container(svg, 'sidecar', 'running')], { status: svg, conditions: { PodScheduled: 'True' } })] },
    ],
  };
}

describe('webview page in Chromium', function () {
  this.timeout(60_000);
  let page: Page;
  panelPageHooks((opened) => {
    page = opened;
  });

  const post = (message: Parameters<typeof postTo>[1]) => postTo(page, message);
  const show = (result: SimulationResult, extra?: Parameters<typeof showOn>[2]) => showOn(page, result, extra);
  const sent = () => sentBy(page);

  it('says ready, and shows the empty state with what to open', async () => {
    assert.deepEqual(await sent(), [{ type: 'ready' }]);
    await post({ type: 'empty', message: 'Open a Kubernetes manifest with a Pod or Deployment.', detail: PAYLOADS[0] });
    const text = await page.locator('body').innerText();
    assert.match(text, /Open a Kubernetes manifest with a Pod or Deployment/);
    assert.ok(text.includes(PAYLOADS[0]));
    assert.equal(await page.locator('#app img').count(), 0);
  });

  it('renders hostile names, images, reasons and messages as text and runs none of them', async () => {
    const [img] = PAYLOADS;
    await show(hostileResult(), { resources: [{ index: 0, kind: 'Pod', name: img }, { index: 1, kind: 'Deployment', name: PAYLOADS[3] }], documentName: PAYLOADS[1] });
    await page.waitForTimeout(200);
    const state = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        pwned: w.__pwned ?? null,
        violations: w.__violations,
        scripts: document.scripts.length,
        injected: document.querySelectorAll('#app img, #app script, #app svg:not(.icon), #app a, #app iframe').length,
        text: document.body.innerText,
        // A label too long for its segment is left out of the segment but stays in its tooltip.
        titles: [...document.querySelectorAll('[title]')].map((el) => el.getAttribute('title')).join('\n'),
      };
    });
    assert.equal(state.pwned, null, 'a payload ran');
    assert.deepEqual(state.violations, [], 'nothing even tried to run');
    assert.equal(state.scripts, 1);
    assert.equal(state.injected, 0);
    for (const payload of PAYLOADS) assert.ok(state.text.includes(payload) || state.titles.includes(payload), `${payload} not shown as text`);
  });

  it('shows a kubectl-style events table that follows the playhead', async () => {
    await show(crashingPod());
    const headers = await page.locator('#events thead th').allInnerTexts();
    assert.deepEqual(headers, ['TIME', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    // Opens on the final state: every event is listed.
    const visibleReasons = () => page.locator('#events tbody tr:not([hidden]) td.reason').allInnerTexts();
    assert.deepEqual(await visibleReasons(), ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'BackOff']);
    assert.match(await page.locator('#events tbody tr', { hasText: 'Created' }).innerText(), /\(x2 over/);
    const object = page.locator('#events tbody td.object').first();
    assert.equal(await object.innerText(), 'pod/web');
    assert.equal(await object.innerHTML(), 'pod/<wbr>web', 'a kind or a name is never broken: the line may wrap after the slash');

    await page.locator('#restart').click();
    assert.deepEqual(await visibleReasons(), ['Scheduled', 'Pulling']);
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await visibleReasons(), ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    assert.deepEqual(await page.locator('#events tbody tr.current td.reason').allInnerTexts(), ['Pulled', 'Created', 'Started']);
    assert.match(await page.locator('#status').innerText(), /^At 0:05: pod web/);
    await page.keyboard.press('ArrowLeft');
    assert.match(await page.locator('#status').innerText(), /^At 0:00:/);
  });

  it('plays with Space and pauses again', async () => {
    await show(crashingPod());
    await page.locator('#restart').click();
    await page.locator('#restart').evaluate((b) => (b as HTMLElement).blur());
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#play').innerText(), 'Pause');
    await page.waitForTimeout(600);
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#play').innerText(), 'Play');
    const time = Number(await page.locator('#time').inputValue());
    assert.ok(time > 0.2 && time < 5, `played to ${time}`);
  });

  it('draws a lane per container with reasons and restart counts, and every control has a label', async () => {
    await show(crashingPod());
    await page.locator('#restart').click();
    await seekTo(page, 25);
    const lane = page.locator('.lane.container');
    assert.equal(await lane.count(), 1);
    assert.match(await lane.innerText(), /app\s+app\s+CrashLoopBackOff · 1 restart/);
    assert.match(await page.locator('.lane.pod-phase').innerText(), /Running/);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select')].filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.outerHTML),
    );
    assert.deepEqual(unlabelled, []);
  });

  it('sends the scenario form as a checked scenario', async () => {
    await show(crashingPod());
    await page.getByLabel('Delete pod at (s)').fill('45');
    await page.getByLabel('Exits after (s)').fill('10');
    await page.getByLabel('with exit code').fill('3');
    await page.getByLabel('Image pull fails').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    const messages = (await sent()).filter((m) => (m as { type: string }).type === 'scenario');
    assert.deepEqual(messages[messages.length - 1], { type: 'scenario', scenario: { deleteAt: 45, containers: { app: { runSeconds: 10, exitCode: 3, pullFails: true } } } });
  });

  it('sends exit codes run by run and a Service selector switch, and shows them back as written', async () => {
    await show(crashingPod());
    await page.getByLabel('Exit codes of the runs').fill('1, 1 0');
    await page.getByLabel('Switch Service selector at (s)').fill('60');
    await page.getByLabel('New selector').fill('app=web, version=green');
    await page.getByRole('button', { name: 'Apply' }).click();
    const messages = (await sent()).filter((m) => (m as { type: string }).type === 'scenario');
    assert.deepEqual(messages[messages.length - 1], { type: 'scenario', scenario: { serviceSelectorAt: 60, serviceSelector: { app: 'web', version: 'green' }, containers: { app: { exitCodes: [1, 1, 0] } } } });
    await show(crashingPod(), { state: { uri: 'file:///w/a.yaml', resourceIndex: 0, scenario: { serviceSelector: { app: 'blue' }, containers: { app: { exitCodes: [2, 0] } } } } });
    assert.equal(await page.getByLabel('New selector').inputValue(), 'app=blue');
    assert.equal(await page.getByLabel('Exit codes of the runs').inputValue(), '2, 0');
  });

  it('shows a Deployment\'s ReplicaSets and their pods, and switches the pod in detail', async () => {
    await show(rolledDeployment());
    assert.deepEqual(await page.locator('.lane-group-heading').allInnerTexts(), ['ReplicaSets', 'Pods of web-aaa (revision 1)', 'Pods of web-bbb (revision 2)', 'Pod web-aaa-1']);
    const rows = await page.locator('#replicasets tbody tr').allInnerTexts();
    assert.deepEqual(rows.map((r) => r.split('\t').map((c) => c.trim())), [
      ['web-bbb', '2', '1', '1', '1', '1'],
      ['web-aaa', '1', '0', '0', '0', '0'],
    ]);
    // A pod lane says whether its pod is yet to come or already gone.
    const podNow = (name: string) => page.locator('.lane.pod', { hasText: name }).locator('.lane-now').innerText();
    assert.equal(await podNow('web-aaa-1'), 'deleted');
    await page.locator('#restart').click();
    assert.equal(await podNow('web-bbb-1'), 'not created yet');
    await page.getByRole('button', { name: 'web-bbb-1' }).click();
    assert.equal(await page.locator('.lane-group-heading').last().innerText(), 'Pod web-bbb-1');
    assert.equal(await page.getByRole('button', { name: 'web-bbb-1' }).getAttribute('aria-pressed'), 'true');
  });

  it('shows a failing Job: its status and conditions over time, every pod it made, and its status at the playhead', async () => {
    await show(failingJob());
    assert.deepEqual(await page.locator('.lane-group-heading').allInnerTexts(), ['Job pi', 'Pods of job/pi', 'Pod pi-aaaaa']);
    assert.equal(await page.locator('.lane.job-status .lane-now').innerText(), 'Failed · 0 active · 0 succeeded · 3 failed');
    assert.equal(await page.locator('.lane.job-conditions .lane-now').innerText(), 'FailureTarget, Failed');
    const row = async () => (await page.locator('#jobs tbody tr').innerText()).split('\t').map((c) => c.trim());
    assert.deepEqual(await row(), ['pi', 'Failed', '0 Active (0 Ready) / 0 Succeeded / 3 Failed', 'FailureTarget (BackoffLimitExceeded: Job has reached the specified backoff limit); Failed (BackoffLimitExceeded: Job has reached the specified backoff limit)']);
    await seekTo(page, 16);
    assert.deepEqual(await row(), ['pi', 'Running', '1 Active (0 Ready) / 0 Succeeded / 1 Failed', '—']);
    assert.match(await page.locator('#status').innerText(), /job pi Running: 1 Active/);
    await page.getByRole('button', { name: 'pi-ccccc' }).click();
    assert.equal(await page.locator('.lane-group-heading').last().innerText(), 'Pod pi-ccccc');
  });
});
