import { strict as assert } from 'node:assert';
import { chooseResource, readDocumentResources } from '../../../client/src/preview/documentResources';

describe('preview host: choosing the resource to show', () => {
  const resources = readDocumentResources([
    { index: 0, kind: 'ConfigMap', name: 'cfg', startLine: 0, endLine: 5, simulatable: false },
    { index: 1, kind: 'Deployment', name: 'web', startLine: 7, endLine: 30, simulatable: true },
    { index: 2, kind: 'Service', name: 'web', startLine: 32, endLine: 40, simulatable: false },
    { index: 3, kind: 'Pod', name: 'debug', startLine: 42, endLine: 50, simulatable: true },
  ]);

  it('reads the server answer, dropping malformed entries', () => {
    assert.equal(resources.length, 4);
    assert.deepEqual(readDocumentResources(null), []);
    assert.deepEqual(readDocumentResources([{ index: 'a' }, 3, { index: 0, startLine: 2, endLine: 1, kind: 7, simulatable: 'yes' }]), [
      { index: 0, kind: '', name: '', startLine: 2, endLine: 2, simulatable: false },
    ]);
  });

  it('shows the simulatable resource under the cursor', () => {
    assert.equal(chooseResource(resources, { cursorLine: 45 }), 3);
    assert.equal(chooseResource(resources, { cursorLine: 7 }), 1);
  });

  it('keeps the resource shown before when the cursor is in one that makes no pods', () => {
    assert.equal(chooseResource(resources, { cursorLine: 35, shown: 3 }), 3);
    assert.equal(chooseResource(resources, { cursorLine: 35 }), 1);
  });

  it('prefers a resource asked for explicitly, if it still makes pods', () => {
    assert.equal(chooseResource(resources, { requested: 3, cursorLine: 10 }), 3);
    assert.equal(chooseResource(resources, { requested: 2, cursorLine: 10 }), 1);
    assert.equal(chooseResource(resources, { requested: 99 }), 1);
  });

  it('answers undefined when nothing in the document makes pods', () => {
    assert.equal(chooseResource(resources.filter((r) => !r.simulatable), { cursorLine: 1 }), undefined);
    assert.equal(chooseResource([], {}), undefined);
  });
});
