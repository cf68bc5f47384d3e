import { isMap, isSeq, stringify, type Node } from 'yaml';
import { anchorTokenSpan, useSiteOf, type UseSite } from '../yaml/resolved';
import type { HoverProvider } from './types';

/** Lines of the resolved value shown at most. */
const MAX_LINES = 20;

/** On an alias (also after a merge key): which anchor it stands for, and the value Kubernetes reads there. */
const aliasHover: HoverProvider = {
  id: 'alias',
  provide({ file, location }) {
    const line = (site: UseSite) => file.text.slice(0, anchorTokenSpan(file.text, site)[0]).split('\n').length;
    if (location.merge) {
      const { site, pairs } = location.merge;
      const merged = Object.fromEntries(pairs.map((pair) => [String(plain(pair.key)), plain(pair.value)]));
      return [`**\`*${site.anchor}\`**: merges the anchor \`&${site.anchor}\` (line ${line(site)}) into this map; the keys written in the map win. Kubernetes reads from it:`, '', ...block(merged)].join('\n');
    }
    const site = useSiteOf(location.node);
    if (!site || !location.node) return undefined;
    return [`**\`*${site.anchor}\`**: an alias of the anchor \`&${site.anchor}\` (line ${line(site)}). Kubernetes reads it as:`, '', ...block(plain(location.node))].join('\n');
  },
};

function plain(node: Node | null): unknown {
  return isMap(node) || isSeq(node) ? node.toJSON() : (node as { value?: unknown } | null)?.value;
}

function block(value: unknown): string[] {
  const lines = stringify(value, { lineWidth: 0 }).trimEnd().split('\n');
  const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), '# ...'] : lines;
  return ['```yaml', ...shown, '```'];
}

export default aliasHover;
