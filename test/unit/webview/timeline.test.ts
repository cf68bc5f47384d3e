import { strict as assert } from 'node:assert';
import { axisEnd, changeTimes, frameAt, lastChangeTime, nextChange, previousChange } from '../../../client/webview/timeline';
import { crashingPod } from './fixtures';

describe('webview timeline', () => {
  const result = crashingPod();

  it('ends the axis a little after the last change', () => {
    assert.equal(lastChangeTime(result), 30);
    assert.ok(axisEnd(result) > 30);
    assert.ok(axisEnd(result) <= 40);
  });

  it('ends the axis at the horizon when the simulation ran past its last change ("Simulate for")', () => {
    assert.equal(axisEnd({ ...result, horizon: 600 }), 600);
    assert.equal(axisEnd({ ...result, horizon: 31 }), 31);
    // A run that stopped because nothing changed any more ends where it went quiet: keep the margin.
    assert.equal(axisEnd({ ...result, horizon: 30 }), axisEnd(result));
  });

  it('finds the frame in force at a time', () => {
    assert.equal(frameAt(result.frames, 0)?.at, 0);
    assert.equal(frameAt(result.frames, 5.9)?.at, 5);
    assert.equal(frameAt(result.frames, 6)?.at, 6);
    assert.equal(frameAt(result.frames, 1000)?.at, 30);
    assert.equal(frameAt([], 3), undefined);
  });

  it('steps between distinct change times', () => {
    const times = changeTimes(result);
    assert.deepEqual(times, [0, 5, 6, 20, 20.5, 30]);
    assert.equal(nextChange(times, 0), 5);
    assert.equal(nextChange(times, 5.5), 6);
    assert.equal(nextChange(times, 30), undefined);
    assert.equal(previousChange(times, 30), 20.5);
    assert.equal(previousChange(times, 6), 5);
    assert.equal(previousChange(times, 0), 0);
  });
});
