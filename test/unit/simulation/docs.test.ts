import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as defaults from '../../../server/src/simulation/defaults';
import { TERMINATION_GRACE_PERIOD_SECONDS } from '../../../server/src/k8s/defaults';
import { CONTAINER_KNOBS, SCENARIO_KNOBS } from '../../../server/src/simulation/knobs';
import { CONTAINER_ANNOTATIONS, TOP_ANNOTATIONS, readScenario } from '../../../server/src/simulation/scenario';

const doc = readFileSync(new URL('../../../docs/simulation.md', import.meta.url), 'utf8');

/** The first table row whose first cell is this code-quoted knob. */
function row(knob: string): string {
  const found = doc.split('\n').find((line) => line.startsWith(`| \`${knob}\` |`));
  assert.ok(found, `docs/simulation.md has no table row for ${knob}`);
  return found;
}

// docs/simulation.md must name every knob and annotation the engine accepts, with the engine's defaults.
describe('simulation: docs/simulation.md', () => {
  it('documents every annotation the engine reads', () => {
    for (const name of [...Object.keys(TOP_ANNOTATIONS), ...Object.keys(CONTAINER_ANNOTATIONS), 'scenario']) {
      assert.ok(doc.includes(`\`${name}\``) || doc.includes(`podlab.dev/${name}`), `annotation ${name} is not documented`);
    }
  });

  it('documents every knob readScenario accepts in a table row', () => {
    const knobs = [...Object.values(TOP_ANNOTATIONS), 'containers', 'rolloutContainers'];
    const containerKnobs = Object.values(CONTAINER_ANNOTATIONS);
    for (const knob of [...knobs, ...containerKnobs]) row(knob);
    for (const knob of knobs) assert.deepEqual(readScenario({ [knob]: knob.endsWith('ontainers') ? {} : 1 }).problems.filter((p) => p.includes('not a scenario knob')), [], knob);
  });

  it('has each knob\'s row exactly as the descriptor table in knobs.ts says it', () => {
    for (const [knob, descriptor] of [...Object.entries(SCENARIO_KNOBS), ...Object.entries(CONTAINER_KNOBS)]) {
      assert.equal(row(knob), `| \`${knob}\` | ${descriptor.meaning} | ${descriptor.default} |`);
    }
  });

  it('states the engine\'s defaults and limits', () => {
    assert.match(row('pullSeconds'), new RegExp(`\\| ${defaults.PULL_SECONDS} \\|$`));
    assert.match(row('horizon'), new RegExp(`at most ${defaults.MAX_DEFAULT_HORIZON} \\|$`));
    assert.ok(doc.includes(`${defaults.MAX_HORIZON} s (7 days)`));
    assert.ok(doc.includes(`| instants per run | ${defaults.MAX_INSTANTS},`));
    assert.ok(doc.includes(`| events per run | ${defaults.MAX_EVENTS}`));
    assert.ok(doc.includes(`| pods per run | ${defaults.MAX_PODS} |`));
    assert.ok(doc.includes(`| sandbox set-up after binding | ${defaults.SANDBOX_SECONDS} s |`));
    assert.ok(doc.includes(`| ${defaults.INIT_RUN_SECONDS} s, exit 0 |`));
    assert.ok(doc.includes(`| terminationGracePeriodSeconds | ${TERMINATION_GRACE_PERIOD_SECONDS} s |`));
    assert.ok(doc.includes(`| node-monitor-grace-period | ${defaults.NODE_MONITOR_GRACE_SECONDS} s |`));
    assert.ok(doc.includes(`| nodes | ${defaults.NODE_COUNT}, each ${defaults.NODE_CPU_MILLI / 1000} CPU`));
  });
});
