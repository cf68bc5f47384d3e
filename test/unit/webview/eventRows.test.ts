import { strict as assert } from 'node:assert';
import { groupEvents, lastSeenText, latestEventTime, occurrencesAt } from '../../../client/webview/eventRows';
import { crashingPod } from './fixtures';

describe('webview events at the playhead', () => {
  const { events } = crashingPod();
  const rows = groupEvents(events);

  it('groups repeats of the same event into one row, in order of first occurrence', () => {
    assert.deepEqual(rows.map((r) => r.reason), ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'BackOff']);
    const created = rows.find((r) => r.reason === 'Created')!;
    assert.deepEqual(created.times, [5, 30]);
  });

  it('counts only the occurrences at or before the playhead', () => {
    const created = rows.find((r) => r.reason === 'Created')!;
    assert.deepEqual(occurrencesAt(created, 4.9), { count: 0, first: 0, last: 0 });
    assert.deepEqual(occurrencesAt(created, 5), { count: 1, first: 5, last: 5 });
    assert.deepEqual(occurrencesAt(created, 29), { count: 1, first: 5, last: 5 });
    assert.deepEqual(occurrencesAt(created, 30), { count: 2, first: 5, last: 30 });
  });

  it('prints LAST SEEN like kubectl, with repeats', () => {
    assert.equal(lastSeenText({ count: 1, first: 5, last: 5 }, 12), '7s');
    assert.equal(lastSeenText({ count: 2, first: 5, last: 30 }, 200), '2m50s (x2 over 3m15s)');
  });

  it('finds the latest event at or before the playhead', () => {
    assert.equal(latestEventTime(events, 0), 0);
    assert.equal(latestEventTime(events, 29.9), 5);
    assert.equal(latestEventTime(events, 30), 30);
    assert.equal(latestEventTime([], 30), undefined);
  });
});
