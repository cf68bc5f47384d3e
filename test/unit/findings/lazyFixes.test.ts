import * as assert from 'node:assert/strict';
import type { Finding, Fix } from '../../../server/src/findings/finding';
import { setFixes, transformFixes } from '../../../server/src/findings/lazyFixes';

const fix = (title: string): Fix => ({ title, edits: [{ span: [0, 1], newText: title }] });
const finding = (): Finding => ({ code: 'rule', severity: 'warning', message: 'message', span: [0, 1] });

describe('lazy fixes', () => {
  it('runs a builder only when the fixes are first read, and only once', () => {
    let runs = 0;
    const found = setFixes(finding(), () => { runs++; return [fix('a')]; });
    assert.equal(runs, 0);
    assert.deepEqual(found.fixes, [fix('a')]);
    assert.deepEqual(found.fixes, [fix('a')]);
    assert.equal(runs, 1);
    assert.deepEqual({ ...found }, { ...finding(), fixes: [fix('a')] }, 'a copy carries the built fixes');
  });

  it('gives no fixes, and reports the error, when the builder throws', () => {
    const errors: unknown[] = [];
    const found = setFixes(finding(), () => { throw new Error('broken'); }, (error) => errors.push(error));
    assert.equal(found.fixes, undefined);
    assert.equal(errors.length, 1);
  });

  it('keeps plain fixes as they are, and lets the fixes be replaced', () => {
    const found = setFixes(finding(), [fix('a')]);
    assert.deepEqual(found.fixes, [fix('a')]);
    const lazy = setFixes(finding(), () => [fix('a')]);
    lazy.fixes = [fix('b')];
    assert.deepEqual(lazy.fixes, [fix('b')]);
  });

  it('defers a transform of plain or built fixes until they are read', () => {
    let transforms = 0;
    const drop = (fixes: Fix[]) => { transforms++; return fixes.filter((candidate) => candidate.title !== 'a'); };
    const plain = setFixes(finding(), [fix('a'), fix('b')]);
    const built = setFixes(finding(), () => [fix('a'), fix('c')]);
    const none = finding();
    transformFixes(plain, drop);
    transformFixes(built, drop);
    transformFixes(none, drop);
    assert.equal(transforms, 0);
    assert.deepEqual(plain.fixes, [fix('b')]);
    assert.deepEqual(built.fixes, [fix('c')]);
    assert.equal(none.fixes, undefined);
    assert.equal(transforms, 2);
  });
});
