// End to end: starting and reading manifests in VS Code's UI: the grammar's highlighting,
// the snippet list at the top of an empty file, and "Podlab: New Manifest...".
import * as assert from 'node:assert/strict';
import { e2eFixtures, Workbench, until } from './workbench';

describe('Authoring manifests in VS Code (e2e, packaged .vsix)', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  before(async function () {
    this.timeout(180_000);
    workbench = await Workbench.open(['highlighting.yaml', 'empty.yaml'], e2eFixtures);
  });

  after(async () => {
    await workbench?.close();
  });

  it('highlights Kubernetes structure: the image tag and quantities are tokens of their own', async () => {
    await workbench.openFile('highlighting.yaml');
    // Plain YAML renders `registry.example.com/team/api:2.4.1` as one string token; the injection grammar splits it.
    const registry = workbench.token('registry.example.com');
    const repository = workbench.token('team/api');
    const tag = workbench.token('2.4.1');
    await registry.waitFor({ timeout: 20_000 });
    const colour = (locator: typeof tag) => locator.evaluate((element) => getComputedStyle(element).color);
    const colours = new Set([await colour(registry), await colour(repository), await colour(tag)]);
    assert.equal(colours.size, 3, 'registry, repository and tag should each have their own colour');
    assert.notEqual(await colour(workbench.token('250m')), await colour(workbench.token('api').first()), 'a quantity is drawn like a plain string');
    await workbench.screenshot('authoring-1-highlighting');
  });

  it('offers the resource snippets at the top of an empty file', async () => {
    await workbench.openFile('empty.yaml');
    await workbench.activeEditor().click();
    await workbench.page.keyboard.type('k8s-');
    await workbench.page.keyboard.press('Control+Space');
    const rows = workbench.page.locator('.suggest-widget .monaco-list-row');
    const labels = await until(
      'the snippet list',
      () => rows.allInnerTexts(),
      (texts) => texts.some((t) => t.includes('k8s-deployment')),
    );
    assert.ok(labels.some((t) => t.includes('k8s-pod')), `no k8s-pod snippet in ${JSON.stringify(labels)}`);
    await workbench.page.waitForTimeout(300);
    await workbench.screenshot('authoring-2-snippets');
    await workbench.page.keyboard.press('Escape');
  });

  it('creates a Deployment from "Podlab: New Manifest..."', async () => {
    await workbench.runCommand('Podlab: New Manifest...');
    const input = workbench.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('Deployment');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Deployment' }).first().waitFor();
    await workbench.screenshot('authoring-3-new-manifest-pick');
    await workbench.page.keyboard.press('Enter');
    const text = await until('the new manifest in the editor', () => workbench.editorText(), (t) => t.includes('kind: Deployment'));
    assert.match(text, /apiVersion: apps\/v1/);
    assert.match(text, /selector:/);
    await workbench.screenshot('authoring-4-new-manifest');
  });
});
