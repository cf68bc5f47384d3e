import { strict as assert } from 'node:assert';
import { defaultSpeed, isSpeed, Playback } from '../../../client/webview/playback';

describe('webview playback', () => {
  it('moves the playhead by wall time times speed and stops at the end', () => {
    const p = new Playback(100, 10);
    p.advance(1);
    assert.equal(p.time, 0, 'does not move while paused');
    p.play();
    p.advance(2);
    assert.equal(p.time, 20);
    p.advance(100);
    assert.equal(p.time, 100);
    assert.equal(p.playing, false);
    p.play();
    assert.equal(p.time, 0, 'play at the end starts again');
  });

  it('keeps seeks inside the axis', () => {
    const p = new Playback(50, 1);
    p.seek(-3);
    assert.equal(p.time, 0);
    p.seek(80);
    assert.equal(p.time, 50);
    p.seek(Number.NaN);
    assert.equal(p.time, 0);
  });

  it('picks a default speed that plays the whole axis in about a minute', () => {
    assert.equal(defaultSpeed(40), 1);
    assert.equal(defaultSpeed(100), 2);
    assert.equal(defaultSpeed(1800), 30);
    assert.equal(defaultSpeed(86_400), 120);
    assert.ok(isSpeed(5));
    assert.ok(!isSpeed(3));
    assert.ok(!isSpeed('5'));
  });
});
