import * as assert from 'node:assert/strict';
import { LspClient } from './client';

const POD = (extra = '', annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
${annotations}spec:
  containers:
    - name: web
${extra}      image: nginx:latest
`;

describe('LSP: rule settings and suppressions', function () {
  it('podlab.rules changes a rule\'s severity or turns it off', async () => {
    const client = await LspClient.start({ settings: { podlab: { rules: { 'image-tag': 'error', 'missing-resources': 'off' } } } });
    try {
      const uri = client.uri('settings.yaml');
      await client.open(uri, POD());
      await client.waitForDiagnostics(uri);
      // The settings arrive from workspace/configuration after initialized; the document is analysed again then.
      const deadline = Date.now() + 10_000;
      while (client.diagnostics.get(uri)?.diagnostics.find((diagnostic) => diagnostic.code === 'image-tag')?.severity !== 1 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const diagnostics = client.diagnostics.get(uri)?.diagnostics ?? [];
      const tag = diagnostics.find((diagnostic) => diagnostic.code === 'image-tag');
      assert.equal(tag?.severity, 1, JSON.stringify(diagnostics));
      assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'missing-resources').length, 0);
    } finally {
      await client.stop();
    }
  });

  it('comments and kube-linter annotations silence what they name, nothing else', async () => {
    const client = await LspClient.start();
    try {
      const plain = client.uri('plain.yaml');
      await client.open(plain, POD());
      const codes = (await client.waitForDiagnostics(plain)).map((diagnostic) => diagnostic.code);
      assert.ok(codes.includes('image-tag') && codes.includes('missing-resources'), JSON.stringify(codes));

      const nextLine = client.uri('next-line.yaml');
      await client.open(nextLine, POD('      # podlab-disable-next-line image-tag -- pinned by the deploy pipeline\n'));
      const nextCodes = (await client.waitForDiagnostics(nextLine)).map((diagnostic) => diagnostic.code);
      assert.ok(!nextCodes.includes('image-tag') && nextCodes.includes('missing-resources'), JSON.stringify(nextCodes));

      const fileWide = client.uri('file-wide.yaml');
      await client.open(fileWide, `# podlab-disable missing-resources\n${POD()}`);
      const fileCodes = (await client.waitForDiagnostics(fileWide)).map((diagnostic) => diagnostic.code);
      assert.ok(fileCodes.includes('image-tag') && !fileCodes.includes('missing-resources'), JSON.stringify(fileCodes));

      const annotated = client.uri('annotated.yaml');
      await client.open(annotated, POD('', '  annotations:\n    ignore-check.kube-linter.io/latest-tag: "pinned elsewhere"\n'));
      const annotatedCodes = (await client.waitForDiagnostics(annotated)).map((diagnostic) => diagnostic.code);
      assert.ok(!annotatedCodes.includes('image-tag') && annotatedCodes.includes('missing-resources'), JSON.stringify(annotatedCodes));
    } finally {
      await client.stop();
    }
  });
});
