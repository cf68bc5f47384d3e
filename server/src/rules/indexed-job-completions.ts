import { isMap, isScalar } from 'yaml';
import { INDEXED_NEEDS_COMPLETIONS, jobSpecPath } from '../k8s/jobSpec';
import { insertPairAfter } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { nodeAtPath, pairOf } from '../yaml/nodes';
import { keySpan } from './support/nodes';
import type { Rule } from './types';

/** An Indexed Job (or a CronJob's Indexed job template) without completions: validateJobSpec rejects it. */
const rule: Rule = {
  meta: {
    id: 'indexed-job-completions',
    severity: 'error',
    category: 'api',
    description: 'A Job with completionMode: Indexed and no completions (the API server rejects it).',
    docsUrl: ruleDocsUrl('indexed-job-completions'),
    fixable: true,
  },
  check(context) {
    const { kind, root } = context.resource;
    const path = jobSpecPath(kind);
    const node = path && nodeAtPath(root, path);
    const spec = isMap(node) ? node : undefined;
    const mode = spec ? pairOf(spec, 'completionMode') : undefined;
    if (!spec || !mode || !isScalar(mode.value) || mode.value.value !== 'Indexed' || pairOf(spec, 'completions')) return;
    const parallelism = pairOf(spec, 'parallelism')?.value;
    const count = isScalar(parallelism) && Number.isInteger(parallelism.value) && Number(parallelism.value) > 0 ? Number(parallelism.value) : 1;
    const edit = insertPairAfter(context.file.text, spec, mode, 'completions', count);
    context.report({
      span: keySpan(mode),
      message: `An Indexed Job needs completions: each index from 0 to completions - 1 runs until one of its pods succeeds. Without it the API server rejects the ${kind} (${[...path!, 'completions'].join('.')}: ${INDEXED_NEEDS_COMPLETIONS}).`,
      fixes: edit ? [{ title: `Set completions: ${count}${count > 1 ? ' (the parallelism)' : ''}`, edits: [edit], preferred: true }] : [],
    });
  },
};

export default rule;
