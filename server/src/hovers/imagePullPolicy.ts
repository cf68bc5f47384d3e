import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { stringAt } from '../yaml/nodes';
import { defaultPullPolicy, splitImage, type DefaultPullPolicy } from '../k8s/image';
import { hoverSection } from './support/format';
import { containerLabel, inContainer } from './support/podPath';
import type { HoverProvider } from './types';

const WHY: Record<DefaultPullPolicy['why'], (tag?: string) => string> = {
  'latest-tag': () => 'the tag is `:latest`',
  'no-tag': () => 'the image has no tag, which means `:latest`',
  digest: () => 'the image is pinned by digest',
  tag: (tag) => `the tag is \`:${tag}\``,
  unparseable: () => 'the API server cannot read a tag from this reference',
};

/** The policy the API server fills in when none is written, and why, in words. */
function fallbackPolicy(image: string): { policy: 'Always' | 'IfNotPresent'; why: string } {
  const { policy, why } = defaultPullPolicy(image);
  return { policy, why: WHY[why](splitImage(image.trim()).tag) };
}

/** On `imagePullPolicy` or `image`: when the kubelet pulls this image, written or defaulted from the tag. */
const imagePullPolicyHover: HoverProvider = {
  id: 'image-pull-policy',
  provide({ location }) {
    const at = inContainer(location);
    if (!at || at.inner.length !== 1 || (at.inner[0] !== 'imagePullPolicy' && at.inner[0] !== 'image')) return undefined;
    const image = stringAt(at.container.node, 'image');
    const written = stringAt(at.container.node, 'imagePullPolicy');
    if (at.inner[0] === 'image' && (!location.onKey || !image)) return undefined;
    const facts: string[] = [];
    const fallback = image ? fallbackPolicy(image) : undefined;
    if (written) {
      facts.push(`${containerLabel(at.container)} pulls with **${written}**${fallback ? ` (without this line it would be ${fallback.policy}, because ${fallback.why})` : ''}.`);
      if (CONCEPTS.imagePullPolicy[written]) facts.push(CONCEPTS.imagePullPolicy[written]);
      else facts.push(`\`${written}\` is not a pull policy: the API server accepts Always, IfNotPresent or Never (case-sensitive).`);
    } else if (fallback) {
      facts.push(`No imagePullPolicy is written, so it is **${fallback.policy}**, because ${fallback.why}.`);
      facts.push(CONCEPTS.imagePullPolicy[fallback.policy]);
      if (fallback.policy === 'Always') facts.push('Every container start asks the registry: if it is unreachable, the container cannot start (ErrImagePull).');
    }
    return hoverSection(CONCEPTS.imagePull, facts, { title: 'Images: image pull policy', url: DOCS.imagePullPolicy });
  },
};

export default imagePullPolicyHover;
