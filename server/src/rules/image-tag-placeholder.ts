import { isScalar } from 'yaml';
import { ruleDocsUrl } from '../findings/docsUrl';
import { splitImage } from '../k8s/image';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { pairOf } from '../yaml/nodes';
import { nodeSpan } from './support/nodes';
import { TAG_PLACEHOLDER } from './support/tagPlaceholder';
import type { Rule } from './types';

/** The tag placeholder that the image-tag fix writes, still in the file: the pull would fail (manifest unknown). */
const rule: Rule = {
  meta: {
    id: 'image-tag-placeholder',
    severity: 'warning',
    category: 'best-practice',
    description: `An image whose tag is still ${TAG_PLACEHOLDER}, the placeholder the image-tag fix writes: replace it with the version to run.`,
    docsUrl: ruleDocsUrl('image-tag-placeholder'),
    fixable: false,
  },
  check(context) {
    for (const container of containersOf(podSpecOf(context.resource))) {
      const node = pairOf(container.node, 'image')?.value;
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      const image = node.value.trim();
      if (splitImage(image).tag !== TAG_PLACEHOLDER) continue;
      const span = nodeSpan(node);
      if (!span) continue;
      const start = span[0] + context.file.text.slice(span[0], span[1]).lastIndexOf(TAG_PLACEHOLDER);
      context.report({
        span: [start, start + TAG_PLACEHOLDER.length],
        message: `The tag of "${image}" is still the placeholder ${TAG_PLACEHOLDER}: write the version to run (no registry has this tag, so the pull would fail).`,
      });
    }
  },
};

export default rule;
