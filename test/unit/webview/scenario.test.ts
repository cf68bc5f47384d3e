import { strict as assert } from 'node:assert';
import { MAX_SECONDS, readScenario, splitList, textOf } from '../../../client/webview/scenario';

describe('webview scenario checks', () => {
  it('keeps valid knobs', () => {
    const scenario = {
      horizon: 600,
      deleteAt: 30,
      deleteGracePeriodSeconds: 5,
      nodeLostAt: 90,
      rolloutAt: 20,
      rolloutImage: 'nginx:1.28',
      cachedImages: ['nginx:1.27'],
      unboundClaims: ['data'],
      serviceSelectorAt: 40,
      serviceSelector: { app: 'web', version: 'green' },
      containers: { app: { runSeconds: 10, exitCode: 1, exitCodes: [1, 1, 0], pullFails: true, oomKilled: true, readyAfterSeconds: 5, livenessFailsAfterSeconds: 60, startedAfterSeconds: 3, sigtermExitSeconds: 2, sigtermExitCode: 0, preStopSeconds: 1 } },
    };
    assert.deepEqual(readScenario(scenario), scenario);
  });

  it('drops unknown keys, wrong types, negatives and fractional exit codes', () => {
    assert.deepEqual(
      readScenario({
        horizon: -1,
        deleteAt: '30',
        nodeLostAt: Number.NaN,
        rolloutAt: Infinity,
        command: 'rm -rf /',
        containers: { app: { runSeconds: -2, exitCode: 1.5, pullFails: 'yes', extra: 1 }, db: 'no', '': { runSeconds: 1 } },
      }),
      {},
    );
  });

  it('clamps times to one day and exit codes to 255 bounds', () => {
    assert.deepEqual(readScenario({ horizon: 1e12, containers: { a: { exitCode: 300 } } }), { horizon: MAX_SECONDS, containers: { a: { exitCode: 255 } } });
  });

  it('keeps a container named __proto__ as a plain key', () => {
    const scenario = readScenario(JSON.parse('{"containers":{"__proto__":{"runSeconds":5}}}'));
    assert.equal(Object.getPrototypeOf(scenario.containers), Object.prototype);
    assert.ok(Object.hasOwn(scenario.containers!, '__proto__'));
    assert.deepEqual(Object.getOwnPropertyDescriptor(scenario.containers, '__proto__')?.value, { runSeconds: 5 });
  });

  it('accepts lists written as text and bounds them', () => {
    assert.deepEqual(splitList(' a, b  c,,d '), ['a', 'b', 'c', 'd']);
    assert.deepEqual(readScenario({ cachedImages: 'nginx:1, redis:7' }), { cachedImages: ['nginx:1', 'redis:7'] });
    assert.equal(readScenario({ unboundClaims: Array.from({ length: 500 }, (_, i) => `c${i}`) }).unboundClaims?.length, 50);
    assert.deepEqual(readScenario({ rolloutImage: '   ' }), {});
    assert.deepEqual(readScenario({ rolloutImage: 'x'.repeat(10_000) }), {});
  });

  it('reads exit codes and a selector as the form writes them, and drops malformed ones', () => {
    assert.deepEqual(readScenario({ serviceSelector: ' app = web, version=green ', containers: { app: { exitCodes: '1, 1 0' } } }),
      { serviceSelector: { app: 'web', version: 'green' }, containers: { app: { exitCodes: [1, 1, 0] } } });
    assert.deepEqual(readScenario({ serviceSelector: 'app', containers: { app: { exitCodes: '1, 256' } } }), {});
    assert.deepEqual(readScenario({ serviceSelector: '=web', containers: { app: { exitCodes: [1.5] } } }), {});
    assert.deepEqual(readScenario({ serviceSelector: 'a=b=c', containers: { app: { exitCodes: 'one' } } }), {});
    assert.deepEqual(textOf({ app: 'web', version: 'green' }), 'app=web,version=green');
    assert.deepEqual(textOf([1, 1, 0]), '1, 1, 0');
  });

  it('answers an empty scenario for anything that is not an object', () => {
    for (const value of [null, undefined, 3, 'x', [1]]) assert.deepEqual(readScenario(value), {});
  });
});
