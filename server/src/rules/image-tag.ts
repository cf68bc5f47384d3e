import { isScalar, type Scalar } from 'yaml';
import { replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { pairOf } from '../yaml/nodes';
import { splitImage } from '../k8s/image';
import { isPlaceholder } from './support/formats';
import { nodeSpan } from './support/nodes';
import { TAG_PLACEHOLDER } from './support/tagPlaceholder';
import type { Rule } from './types';

export { TAG_PLACEHOLDER };

const rule: Rule = {
  meta: {
    id: 'image-tag',
    severity: 'warning',
    category: 'best-practice',
    description: 'Images without a tag or with :latest: what runs changes without the manifest changing.',
    docsUrl: ruleDocsUrl('image-tag'),
    fixable: true,
    peers: { kubeLinter: ['latest-tag'], polaris: ['tagNotSpecified'], kubeScore: ['container-image-tag'] },
  },
  check(context) {
    for (const container of containersOf(podSpecOf(context.resource))) {
      if (container.role === 'ephemeral') continue;
      const node = pairOf(container.node, 'image')?.value;
      if (!isScalar(node) || typeof node.value !== 'string' || isPlaceholder(node.value)) continue;
      const image = node.value.trim();
      if (image === '' || image.includes('@')) continue;
      const { repository, tag } = splitImage(image);
      if (tag !== undefined && tag !== 'latest') continue;
      const span = nodeSpan(node);
      if (!span) continue;
      const edit = replaceScalar(node as Scalar, `${repository}:${TAG_PLACEHOLDER}`);
      context.report({
        span,
        message: `${tag === undefined ? `Image "${image}" has no tag, so it means :latest` : `Image "${image}" uses :latest`}: the version that runs changes without the manifest changing, and every pod start pulls it again (imagePullPolicy defaults to Always). Pin a version or a digest.`,
        fixes: edit ? [{ title: 'Pin a tag (fill in the version)', edits: [edit], placeholder: TAG_PLACEHOLDER }] : undefined,
      });
    }
  },
};

export default rule;
