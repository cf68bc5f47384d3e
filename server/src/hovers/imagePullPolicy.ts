import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import { stringAt } from '../yaml/nodes';
import { splitImage } from '../k8s/image';
import { hoverSection } from './support/format';
import { containerLabel, inContainer } from './support/podPath';
import type { HoverProvider } from './types';

/** The policy the API server fills in when none is written: Always for `:latest` or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): { policy: 'Always' | 'IfNotPresent'; why: string } {
  const trimmed = image.trim();
  const { tag } = splitImage(trimmed.split('@')[0]);
  if (tag === 'latest') return { policy: 'Always', why: 'the tag is `:latest`' };
  if (tag === undefined && !trimmed.includes('@')) return { policy: 'Always', why: 'the image has no tag, which means `:latest`' };
  if (tag === undefined) return { policy: 'IfNotPresent', why: 'the image is pinned by digest' };
  return { policy: 'IfNotPresent', why: `the tag is \`:${tag}\`` };
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
    const fallback = image ? defaultPullPolicy(image) : undefined;
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
