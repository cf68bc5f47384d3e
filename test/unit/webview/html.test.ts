import { strict as assert } from 'node:assert';
import { contentSecurityPolicy, previewHtml } from '../../../client/src/preview/html';
import { createNonce } from '../../../client/src/preview/nonce';

describe('preview host: the page shell', () => {
  const page = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
    nonce: 'abcDEF123',
  };

  it('has a strict policy: nothing by default, scripts only with the nonce, styles from the extension', () => {
    const csp = contentSecurityPolicy(page.cspSource, page.nonce);
    assert.equal(
      csp,
      "default-src 'none'; script-src 'nonce-abcDEF123'; style-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net",
    );
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:\/\/(?!file\+)/);
  });

  it('loads one nonce-tagged script and the stylesheet, with no inline script or style', () => {
    const html = previewHtml(page);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page.cspSource, page.nonce)}">`));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${page.nonce}" src="${page.scriptUri}">`]);
    assert.match(html, /<\/script>\s*<\/body>/);
    assert.doesNotMatch(html, /<style|\sstyle=|\son\w+=/i);
    assert.ok(html.includes(`<link rel="stylesheet" href="${page.styleUri}">`));
  });

  it('makes a new unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9_-]{20,}$/);
  });
});
