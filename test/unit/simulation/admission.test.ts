import * as assert from 'node:assert/strict';
import { deployment, eventsOf, pod, run } from './helpers';

// issue 12: the simulation read maxSurge "12.5%" as 1 pod and memory 1e3Mi as 1048576000 bytes; the API server
// rejects both, so the simulation shows the rejection and no pods.
describe('simulation: what the API server rejects is not simulated', () => {
  it('refuses a Deployment with maxSurge "12.5%" (a percent must be whole)', () => {
    const result = run(deployment({ replicas: 4, strategy: { rollingUpdate: { maxSurge: '12.5%' } } }), { rolloutAt: 10, horizon: 60 });
    const [refusal] = eventsOf(result, 'NotSimulated');
    assert.match(refusal.message, /^The API server rejects this Deployment, so nothing runs: spec\.strategy\.rollingUpdate\.maxSurge: Invalid value: "12\.5%": a valid percent string/);
    assert.deepEqual(result.frames.flatMap((frame) => frame.pods), []);
  });

  it('refuses a Pod whose memory request is 1e3Mi (an exponent and a suffix together)', () => {
    const result = run(pod({ containers: [{ name: 'app', image: 'app:1', resources: { requests: { memory: '1e3Mi' } } }] }));
    const [refusal] = eventsOf(result, 'NotSimulated');
    assert.match(refusal.message, /^The API server rejects this Pod, so nothing runs: spec\.containers\[0\]\.resources\.requests\.memory: "1e3Mi": quantities must match/);
    assert.equal(eventsOf(result, 'Scheduled').length, 0);
  });

  it('still simulates whole percentages, quoted counts of replicas and exponent quantities', () => {
    const rolling = run(deployment({ replicas: 4, strategy: { rollingUpdate: { maxSurge: '50%', maxUnavailable: 0 } } }), { rolloutAt: 10, horizon: 120 });
    assert.equal(eventsOf(rolling, 'NotSimulated').length, 0);
    assert.ok(eventsOf(rolling, 'ScalingReplicaSet', 'from 0 to 2').length > 0, 'maxSurge 50% of 4 creates 2 new pods at once');
    const exponent = run(pod({ containers: [{ name: 'app', image: 'app:1', resources: { requests: { memory: '1e9' } } }] }), { horizon: 30 });
    assert.equal(eventsOf(exponent, 'Scheduled').length, 1);
  });
});
