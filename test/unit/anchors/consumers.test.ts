import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { standaloneContext } from '../../../server/src/lsp/context';
import { hover } from '../../../server/src/lsp/features/hover';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import configRefNotFound from '../../../server/src/rules/config-ref-not-found';
import pvcNotFound from '../../../server/src/rules/pvc-not-found';
import serviceNoMatch from '../../../server/src/rules/service-no-match';
import serviceTargetPort from '../../../server/src/rules/service-target-port';
import { simulate } from '../../../server/src/simulation';
import { runInWorkspace, underlined } from '../rules/workspaceTester';
import { ISSUE_EXAMPLE } from './cases';

const SERVICE = (targetPort: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: shop}\nspec:\n  selector: {app: shop}\n  ports: [{port: 80, targetPort: ${targetPort}}]\n`;
const WITH_PORTS = ISSUE_EXAMPLE.replace('- &base {name: api, image: ghcr.io/acme/api:1.2.3}', '- &base {name: api, image: ghcr.io/acme/api:1.2.3, ports: [{name: http, containerPort: 8080}]}');

describe('anchors, aliases and merge keys in the other consumers of the model', () => {
  describe('hover', () => {
    const hoverAt = (text: string, needle: string, delta = 1) => {
      const document = TextDocument.create('file:///anchors.yaml', 'yaml', 1, text);
      const context = standaloneContext(document, parseManifest(text), { log: (what, error) => assert.fail(`${what}: ${String(error)}`) });
      const answer = hover(context, document.positionAt(text.indexOf(needle) + delta));
      return answer ? (answer.contents as { value: string }).value : '';
    };

    it('explains the pull policy of a merged container from the image it inherits', () => {
      const text = ISSUE_EXAMPLE.replace('          name: worker\n', '          name: worker\n          imagePullPolicy: Always\n').replace('api:1.2.3', 'api');
      assert.match(hoverAt(text, 'imagePullPolicy: Always'), /the image has no tag/);
      const pinned = ISSUE_EXAMPLE.replace('          name: worker\n', '          name: worker\n          imagePullPolicy: Always\n');
      assert.match(hoverAt(pinned, 'imagePullPolicy: Always'), /:1\.2\.3/);
    });

    it('on an alias, shows its anchor and the value Kubernetes reads there', () => {
      const text = hoverAt(ISSUE_EXAMPLE, 'matchLabels: *labels', 'matchLabels: '.length + 1);
      assert.ok(text.includes('**`*labels`**: an alias of the anchor `&labels` (line 5). Kubernetes reads it as:\n\n```yaml\napp: shop\n```'), text);
      assert.match(text, /Selects pods labelled app=shop; the template's labels are app=shop/, 'the selector concept reads the labels through both aliases');
    });

    describe('on the alias of a merge key, shows its anchor and what it brings into the map', () => {
      const pod = (merge: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - &main\n      name: main\n      image: nginx:1.27\n      ports: [{containerPort: 80}]\n    - ${merge}\n      name: copy\n`;
      const says = (image: string) => `**\`*main\`**: merges the anchor \`&main\` (line 7) into this map; the keys written in the map win. Kubernetes reads from it:\n\n\`\`\`yaml\nimage: ${image}\nports:\n  - containerPort: 80\n\`\`\``;
      for (const merge of ['<<: *main', '<<: [*main]']) {
        it(merge, () => assert.ok(hoverAt(pod(merge), '*main').includes(says('nginx:1.27')), hoverAt(pod(merge), '*main')));
      }

      it('each alias of a merged list for itself', () => {
        const text = pod('<<: [*main, *other]').replace('spec:\n', 'spec:\n  x-other: &other {name: other, image: busybox:1.36, stdin: true}\n');
        assert.match(hoverAt(text, '*other'), /merges the anchor `&other` \(line 6\)[^]*```yaml\nstdin: true\n```/);
        assert.match(hoverAt(text, '*main'), /merges the anchor `&main` \(line 8\)[^]*```yaml\nimage: nginx:1\.27\nports:/);
      });
    });
  });

  describe('simulation', () => {
    it('runs the merged container with the image it inherits', () => {
      const resource = parseManifest(ISSUE_EXAMPLE).resources[0];
      const result = simulate({ resource: resource.object! }, { horizon: 60 });
      const containers = result.frames.at(-1)!.pods[0].containers.map((container) => [container.name, container.state]);
      assert.deepEqual(containers, [['api', 'running'], ['worker', 'running']]);
      assert.ok(result.events.some((event) => event.reason === 'Started' && /worker/.test(event.message)), JSON.stringify(result.events));
      assert.deepEqual(result.resource, { kind: 'Deployment', name: 'shop' });
    });
  });

  describe('workspace index', () => {
    it('a Service finds the pods whose template labels are an alias', () => {
      assert.deepEqual(runInWorkspace(serviceNoMatch, { 'svc.yaml': SERVICE('80'), 'deploy.yaml': ISSUE_EXAMPLE }, 'svc.yaml'), []);
      const other = ISSUE_EXAMPLE.replace('&labels {app: shop}', '&labels {app: cart}');
      assert.equal(runInWorkspace(serviceNoMatch, { 'svc.yaml': SERVICE('80'), 'deploy.yaml': other }, 'svc.yaml').length, 1);
    });

    it('a named targetPort is found on a container that inherits it through a merge key', () => {
      const files = { 'svc.yaml': SERVICE('http'), 'deploy.yaml': WITH_PORTS };
      assert.deepEqual(runInWorkspace(serviceTargetPort, files, 'svc.yaml'), []);
      const missing = { 'svc.yaml': SERVICE('grpc'), 'deploy.yaml': WITH_PORTS };
      assert.ok(runInWorkspace(serviceTargetPort, missing, 'svc.yaml').length > 0);
    });

    it('a claim and a config map referred to through a merge key are looked up, and reported at the alias', () => {
      const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - &base {name: a, image: nginx:1.27, envFrom: [{configMapRef: {name: settings}}]}\n    - <<: *base\n      name: b\n  volumes:\n    - &v {name: data, persistentVolumeClaim: {claimName: data}}\n    - <<: *v\n      name: more\n`;
      const files = { 'pod.yaml': pod };
      assert.deepEqual(underlined(pod, runInWorkspace(pvcNotFound, files, 'pod.yaml')), ['data', '*v']);
      assert.deepEqual(underlined(pod, runInWorkspace(configRefNotFound, files, 'pod.yaml')), ['settings', '*base']);
    });
  });
});
