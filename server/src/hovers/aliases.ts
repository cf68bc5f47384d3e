import { isMap, isSeq, stringify } from 'yaml';
import { useSiteOf } from '../yaml/resolved';
import type { HoverProvider } from './types';

/** Lines of the resolved value shown at most. */
const MAX_LINES = 20;

/** On an alias (also after a merge key): which anchor it stands for, and the value Kubernetes reads there. */
const aliasHover: HoverProvider = {
  id: 'alias',
  provide({ file, location }) {
    const site = useSiteOf(location.node);
    if (!site || !location.node) return undefined;
    const line = file.text.slice(0, site.anchorSpan[0]).split('\n').length;
    const value = isMap(location.node) || isSeq(location.node) ? location.node.toJSON() : (location.node as { value?: unknown }).value;
    const lines = stringify(value, { lineWidth: 0 }).trimEnd().split('\n');
    const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), '# ...'] : lines;
    return [`**\`*${site.anchor}\`**: an alias of the anchor \`&${site.anchor}\` (line ${line}). Kubernetes reads it as:`, '', '```yaml', ...shown, '```'].join('\n');
  },
};

export default aliasHover;
