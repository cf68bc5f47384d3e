import { strict as assert } from 'node:assert';
import { axisTicks, formatAge, formatClock, formatSpokenTime } from '../../../client/webview/format';

describe('webview format', () => {
  it('prints ages the way kubectl does', () => {
    const cases: [number, string][] = [
      [-5, '<invalid>'],
      [-0.5, '0s'],
      [0, '0s'],
      [59, '59s'],
      [119, '119s'],
      [120, '2m'],
      [130, '2m10s'],
      [599, '9m59s'],
      [600, '10m'],
      [10_799, '179m'],
      [3 * 3600, '3h'],
      [3 * 3600 + 61 * 60, '4h1m'],
      [8 * 3600, '8h'],
      [47 * 3600, '47h'],
      [48 * 3600, '2d'],
      [50 * 3600, '2d2h'],
      [8 * 86_400, '8d'],
      [730 * 86_400, '2y'],
      [731 * 86_400, '2y1d'],
      [9 * 365 * 86_400, '9y'],
    ];
    for (const [seconds, expected] of cases) assert.equal(formatAge(seconds), expected, `${seconds}s`);
  });

  it('prints clock times with optional tenths', () => {
    assert.equal(formatClock(0), '0:00');
    assert.equal(formatClock(7.56), '0:07');
    assert.equal(formatClock(7.56, true), '0:07.5');
    assert.equal(formatClock(750), '12:30');
    assert.equal(formatClock(3723), '1:02:03');
    assert.equal(formatClock(Number.NaN), '0:00');
    assert.equal(formatClock(-3), '0:00');
  });

  it('speaks times in words', () => {
    assert.equal(formatSpokenTime(0), '0 seconds');
    assert.equal(formatSpokenTime(1), '1 second');
    assert.equal(formatSpokenTime(65), '1 minute 5 seconds');
    assert.equal(formatSpokenTime(7200), '2 hours');
  });

  it('spaces axis ticks at round steps that cover the axis', () => {
    assert.deepEqual(axisTicks(10), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(axisTicks(75), [0, 10, 20, 30, 40, 50, 60, 70]);
    const long = axisTicks(1800);
    assert.equal(long[1], 300);
    assert.ok(long.length <= 9);
    assert.deepEqual(axisTicks(0), [0]);
    for (const end of [1, 33, 599, 3601, 86_400, 500_000]) {
      const ticks = axisTicks(end);
      assert.ok(ticks.length >= 2 && ticks.length <= 9, `${end}: ${ticks.length} ticks`);
      assert.ok(ticks[ticks.length - 1] <= end);
    }
  });
});
