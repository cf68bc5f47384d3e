import * as assert from 'node:assert/strict';
import { defaultPullPolicy, effectiveTag, pullPolicyOf, splitImage } from '../../../server/src/k8s/image';
import { eventsOf, pod, run } from '../simulation/helpers';

const DIGEST = 'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';

// kubernetes/kubernetes pkg/apis/core/v1/defaults.go, SetDefaults_Container: with no imagePullPolicy written, the tag
// from parsers.ParseImageName decides: "latest" -> Always, anything else -> IfNotPresent. ParseImageName
// (pkg/util/parsers/parsers.go) gives "latest" when neither a tag nor a digest is written, and no tag for a digest alone.
describe('k8s: image references and the default pull policy', () => {
  it('follows SetDefaults_Container: the tag is latest (written or implied) -> Always, else IfNotPresent', () => {
    const cases: [string, string][] = [
      ['nginx', 'Always'],
      ['nginx:latest', 'Always'],
      [`nginx:latest@${DIGEST}`, 'Always'],
      [`nginx@${DIGEST}`, 'IfNotPresent'],
      [`nginx:1.27@${DIGEST}`, 'IfNotPresent'],
      ['nginx:1.27', 'IfNotPresent'],
      ['registry.example.com:5000/team/app', 'Always'],
      ['registry.example.com:5000/team/app:2', 'IfNotPresent'],
      ['nginx:Latest', 'IfNotPresent'],
    ];
    for (const [image, policy] of cases) assert.equal(defaultPullPolicy(image).policy, policy, image);
  });

  it('gives no tag, so IfNotPresent, for a reference ParseImageName cannot read (its error is ignored)', () => {
    assert.equal(effectiveTag('Nginx'), undefined);
    assert.deepEqual(defaultPullPolicy('Nginx'), { policy: 'IfNotPresent', why: 'unparseable' });
  });

  it('keeps a written policy and splits references at the tag and digest', () => {
    assert.equal(pullPolicyOf('Never', 'nginx'), 'Never');
    assert.equal(pullPolicyOf('sometimes', 'nginx'), 'Always');
    assert.deepEqual(splitImage(`localhost:5000/app:1@${DIGEST}`), { repository: 'localhost:5000/app', tag: '1', digest: DIGEST });
    assert.deepEqual(splitImage('localhost:5000/app'), { repository: 'localhost:5000/app' });
  });

  // issue 12: the simulation read nginx:latest@sha256:... as IfNotPresent, the rules as Always.
  it('makes the simulation check the registry on every start of nginx:latest@sha256:..., even with the image cached', () => {
    const image = `nginx:latest@${DIGEST}`;
    const result = run(pod({ containers: [{ name: 'app', image }] }), { horizon: 30, cachedImages: [image] });
    assert.equal(eventsOf(result, 'Pulled', 'already present on machine').length, 0);
    assert.equal(eventsOf(result, 'Pulling').length, 1);
  });
});
