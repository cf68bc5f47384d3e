// The page must never turn data into markup: a scan of its sources for the DOM
// APIs that parse HTML or run code.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('webview sources', () => {
  const files = sources(join(import.meta.dirname, '../../../client/webview'));

  it('are found', () => {
    assert.ok(files.length >= 10, files.join(', '));
  });

  it('never parse HTML or evaluate strings', () => {
    const forbidden = /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|\beval\(|new Function\(|setTimeout\(\s*['"`]|\.srcdoc/;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, forbidden, file);
    }
  });

  it('set attributes only through the checked helper', () => {
    for (const file of files) {
      if (file.endsWith('dom.ts')) continue;
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /\.setAttribute\(\s*['"`](on|href|src|style)/i, file);
    }
  });
});
