import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { RecordedLookups } from '../../../server/src/workspace/recordedLookups';
import { summarizeFile } from '../../../server/src/workspace/summary';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { CRD } from '../../lsp/schema-fixtures';

const uriOf = (name: string) => `file:///workspace/${name}`;

function add(index: WorkspaceIndex, name: string, text: string): void {
  const file = parseManifest(text);
  index.crds.remember(uriOf(name), file);
  index.setDiskFile(uriOf(name), summarizeFile(uriOf(name), file));
}

const deployment = (name: string, app: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers:
        - name: main
          image: example/${name}:1.0.0
`;
const claim = (name: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec: {}\n`;
describe('lookups written down with their answers', () => {
  it('still hold while the files added since change none of the answers', () => {
    const index = new WorkspaceIndex();
    add(index, 'web.yaml', deployment('web', 'web'));
    const lookups = new RecordedLookups(index);
    assert.equal(lookups.podTemplatesSelectedBy({ app: 'web' }, undefined).length, 1);
    assert.equal(lookups.named('PersistentVolumeClaim', 'data', undefined).length, 0);
    add(index, 'api.yaml', deployment('api', 'api'));
    add(index, 'other-claim.yaml', claim('logs'));
    assert.equal(lookups.stillAnswered(), true);
  });

  it('no longer hold once a later file answers a lookup differently', () => {
    const index = new WorkspaceIndex();
    const selects = new RecordedLookups(index);
    const finds = new RecordedLookups(index);
    assert.deepEqual(selects.podTemplatesSelectedBy({ app: 'web' }, undefined), []);
    assert.deepEqual(finds.named('PersistentVolumeClaim', 'data', undefined), []);
    add(index, 'web.yaml', deployment('web', 'web'));
    assert.equal(selects.stillAnswered(), false, 'a pod template the selector selects appeared');
    assert.equal(finds.stillAnswered(), true);
    add(index, 'claim.yaml', claim('data'));
    assert.equal(finds.stillAnswered(), false, 'the claim appeared');
  });

  it('compare what all() answered then with what it answers now, though the index extends its list', () => {
    const index = new WorkspaceIndex();
    add(index, 'web.yaml', deployment('web', 'web'));
    const lookups = new RecordedLookups(index);
    assert.equal(lookups.all().length, 1);
    add(index, 'api.yaml', deployment('api', 'api'));
    assert.equal(lookups.stillAnswered(), false);
  });

  it('depend on the CRDs only when an analysis read them', () => {
    const index = new WorkspaceIndex();
    const builtinOnly = new RecordedLookups(index);
    void builtinOnly.crds;
    const custom = new RecordedLookups(index);
    assert.deepEqual([...custom.crds.files()], []);
    add(index, 'crd.yaml', CRD);
    assert.equal(builtinOnly.stillAnswered(), true);
    assert.equal(custom.stillAnswered(), false);
  });

  it('record whether the index is complete', () => {
    const index = new WorkspaceIndex();
    const lookups = new RecordedLookups(index);
    assert.equal(lookups.complete, false);
    index.complete = true;
    assert.equal(lookups.stillAnswered(), false);
  });
});

describe('a workspace index read file by file', () => {
  const files: Record<string, string> = {
    'a.yaml': deployment('web', 'web'),
    'b.yaml': `${claim('data')}---\n${deployment('web', 'api')}`,
    'kustomize/kustomization.yaml': 'resources: [app.yaml]\n',
    'kustomize/app.yaml': deployment('web', 'web'),
    'kustomize/replicas.yaml': deployment('web', 'web'),
    'c.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {level: info}\n`,
  };

  it('answers as an index built at once, though it was asked between the files', () => {
    const stepwise = new WorkspaceIndex();
    const atOnce = new WorkspaceIndex();
    for (const [name, text] of Object.entries(files)) {
      add(stepwise, name, text);
      // Asked now, so the next file extends the lookups built here instead of dropping them.
      stepwise.named('Deployment', 'web', undefined);
      for (const summary of stepwise.fileSummaries(uriOf(name))) stepwise.duplicatesOf(summary);
      stepwise.all();
    }
    for (const [name, text] of Object.entries(files)) add(atOnce, name, text);
    const uris = (list: readonly { uri: string }[]) => list.map((summary) => summary.uri);
    assert.deepEqual(uris(stepwise.all()), uris(atOnce.all()));
    assert.deepEqual(uris(stepwise.named('Deployment', 'web', undefined)), uris(atOnce.named('Deployment', 'web', undefined)));
    assert.deepEqual(uris(stepwise.podTemplatesSelectedBy({ app: 'web' }, undefined)), uris(atOnce.podTemplatesSelectedBy({ app: 'web' }, undefined)));
    assert.deepEqual(uris(stepwise.configProviders('ConfigMap', 'settings', undefined)), uris(atOnce.configProviders('ConfigMap', 'settings', undefined)));
    for (const name of Object.keys(files)) {
      const theirs = atOnce.fileSummaries(uriOf(name));
      stepwise.fileSummaries(uriOf(name)).forEach((summary, at) => assert.deepEqual(uris(stepwise.duplicatesOf(summary)), uris(atOnce.duplicatesOf(theirs[at])), name));
    }
    assert.equal(stepwise.duplicatesOf(stepwise.fileSummaries(uriOf('b.yaml'))[1]).length, 1, 'the Deployment web of a.yaml');
    assert.equal(stepwise.duplicatesOf(stepwise.fileSummaries(uriOf('kustomize/app.yaml'))[0]).length, 0, 'a Kustomization folder repeats identities on purpose');
    assert.equal(stepwise.generation, atOnce.generation);
  });

  it('gives a new all() list after each file, leaving the one handed out before as it was', () => {
    const index = new WorkspaceIndex();
    add(index, 'a.yaml', files['a.yaml']);
    const before = index.all();
    add(index, 'c.yaml', files['c.yaml']);
    assert.equal(before.length, 1);
    assert.equal(index.all().length, 2);
  });
});
