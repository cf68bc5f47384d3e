import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runNeovim, SERVER_PATH, type NvimDiagnostic } from './nvim';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Always
  containers:
    - {name: web, image: "nginx:1.27", command: ["echo 🚀 été"], resources: {limits: {memory: 1gb}}}
    - name: side
      image: nginx:latest
`;

const codes = (diagnostics: readonly NvimDiagnostic[] = []) => diagnostics.map((diagnostic) => diagnostic.code);

describe('Neovim headless (built-in LSP client) against the built server', function () {
  this.timeout(60_000);

  before(() => {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run npm run build first`);
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(version.status, 0, `nvim does not run (${version.error?.message ?? version.stderr}): install Debian's neovim`);
  });

  it('shows diagnostics with byte columns that land on the problem, and no code lens it cannot run', async () => {
    const result = await runNeovim({ scenario: 'diagnostics', file: 'pod.yaml', text: POD });
    assert.equal(result.error, undefined, result.error);
    const tag = result.diagnostics?.find((diagnostic) => diagnostic.code === 'image-tag');
    assert.ok(tag, JSON.stringify(result.diagnostics));
    assert.equal(tag.source, 'podlab');
    assert.deepEqual([tag.lnum, tag.col, tag.end_col], [9, 13, 25]);
    // After "🚀 été" Neovim's byte column is 6 past the UTF-16 one (🚀: 4 bytes for 2 units; é: 2 bytes for 1).
    const quantity = result.diagnostics?.find((diagnostic) => diagnostic.code === 'invalid-quantity');
    const line = POD.split('\n')[7];
    assert.equal(quantity?.col, Buffer.byteLength(line.slice(0, line.indexOf('1gb'))));
    assert.equal(result.declared.snippetSupport, false);
    for (const lens of result.lenses ?? []) assert.equal(lens.command, undefined, JSON.stringify(lens));
    assert.doesNotMatch(result.log ?? '', /registerCapability|does not support command/);
  });

  it('hovers with markdown, or with plain text when the client takes only that', async () => {
    const markdown = await runNeovim({ scenario: 'hover', file: 'pod.yaml', text: POD, at: 'restartPolicy' });
    assert.equal(markdown.error, undefined, markdown.error);
    const contents = markdown.hover?.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /\*\*restartPolicy: Always\*\*/);

    const plain = await runNeovim({ scenario: 'hover', file: 'pod.yaml', text: POD, at: 'restartPolicy', plaintext: true });
    assert.equal(plain.error, undefined, plain.error);
    const plainContents = plain.hover?.contents as { kind: string; value: string };
    assert.equal(plainContents.kind, 'plaintext');
    assert.match(plainContents.value, /restartPolicy: Always: what the kubelet does/);
    assert.doesNotMatch(plainContents.value, /\*\*|\]\(https/);
  });

  it('completes without snippets: one plain line per item, ready as inserted', async () => {
    const text = `${POD}      liveness\n`;
    const result = await runNeovim({ scenario: 'completion', file: 'pod.yaml', text, at: '      liveness', pick: 'livenessProbe' });
    assert.equal(result.error, undefined, result.error);
    assert.ok((result.items ?? []).some((item) => item.label === 'livenessProbe'), JSON.stringify(result.items?.map((item) => item.label)));
    for (const item of result.items ?? []) {
      assert.notEqual(item.insertTextFormat, 2, `${item.label} is a snippet`);
      const inserted = item.textEdit?.newText ?? item.insertText ?? item.label;
      assert.doesNotMatch(inserted, /\$\d|\$\{|\n/, `${item.label}: ${JSON.stringify(inserted)}`);
    }
    assert.ok((result.words ?? []).length > 0);
    for (const word of result.words ?? []) assert.doesNotMatch(word, /[\n\0$]/, JSON.stringify(word));
    assert.equal(result.lines?.[10], '      livenessProbe:');
  });

  it('applies a quick fix asked for at the start of a line with an emoji before the problem', async () => {
    const result = await runNeovim({ scenario: 'quickfix', file: 'pod.yaml', text: POD, at: '🚀', pick: 'Change to 1G', code: 'invalid-quantity' });
    assert.equal(result.error, undefined, `${result.error}\ntitles: ${JSON.stringify(result.titles)}`);
    assert.ok(result.titles?.some((title) => title.startsWith('Change to 1G')), JSON.stringify(result.titles));
    assert.equal(result.lines?.[7], '    - {name: web, image: "nginx:1.27", command: ["echo 🚀 été"], resources: {limits: {memory: 1G}}}');
    assert.deepEqual(result.lines?.filter((_, index) => index !== 7), POD.trimEnd().split('\n').filter((_, index) => index !== 7));
    assert.ok(!codes(result.after).includes('invalid-quantity') && codes(result.after).includes('image-tag'), JSON.stringify(codes(result.after)));
  });

  it('turns a rule off through settings, and back on through didChangeConfiguration', async () => {
    const result = await runNeovim({ scenario: 'settings', file: 'pod.yaml', text: POD, code: 'image-tag', settings: { podlab: { rules: { 'image-tag': 'off' } } } });
    assert.equal(result.error, undefined, result.error);
    assert.ok(!codes(result.withRuleOff).includes('image-tag') && codes(result.withRuleOff).includes('invalid-quantity'), JSON.stringify(codes(result.withRuleOff)));
    const tag = result.withRuleOn?.find((diagnostic) => diagnostic.code === 'image-tag');
    assert.equal(tag?.severity, 1, JSON.stringify(result.withRuleOn));
  });

  it('reads settings through workspace/configuration when declared, and registers nothing the client did not offer', async () => {
    const result = await runNeovim({ scenario: 'settings', file: 'pod.yaml', text: POD, code: 'image-tag', pullSettings: true, settings: { podlab: { rules: { 'image-tag': 'off' } } } });
    assert.equal(result.error, undefined, result.error);
    assert.ok(!codes(result.withRuleOff).includes('image-tag'), JSON.stringify(codes(result.withRuleOff)));
    assert.equal(result.withRuleOn?.find((diagnostic) => diagnostic.code === 'image-tag')?.severity, 1);
    assert.deepEqual(result.registrations, []);
  });

  it('scans no folder when started without a root', async () => {
    const result = await runNeovim({ scenario: 'diagnostics', file: 'pod.yaml', text: POD, noRoot: true });
    assert.equal(result.error, undefined, result.error);
    assert.ok(codes(result.diagnostics).includes('image-tag'));
    assert.deepEqual(result.messages.filter((message) => /Indexed/.test(message)), []);
  });

  it("runs the README's set-up for Neovim 0.7 as written, with podlab-language-server the built server", async () => {
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const setup = /\*\*Neovim 0\.7 to 0\.10\*\*[^\n]*\n\n```lua\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(setup, 'the README has the Neovim 0.7 set-up');
    // What `npm install -g` of the package puts on PATH, for the build of this checkout.
    const binFolder = mkdtempSync(path.join(tmpdir(), 'podlab-bin-'));
    try {
      writeFileSync(path.join(binFolder, 'podlab-language-server'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(SERVER_PATH)} "$@"\n`, { mode: 0o755 });
      const result = await runNeovim({ scenario: 'readme', file: 'pod.yaml', text: POD, code: 'image-tag', setup, binFolder });
      assert.equal(result.error, undefined, result.error);
      assert.equal(result.diagnostics?.find((diagnostic) => diagnostic.code === 'image-tag')?.severity, 1, 'the settings of the set-up made image-tag an error');
    } finally {
      rmSync(binFolder, { recursive: true, force: true });
    }
  });
});
