import { ruleDocsUrl } from '../findings/docsUrl';
import { reportMissingProbe } from './support/missingProbe';
import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'missing-liveness-probe',
    severity: 'information',
    category: 'best-practice',
    description: 'Long-running containers that serve a port but have no livenessProbe (Jobs are not checked).',
    docsUrl: ruleDocsUrl('missing-liveness-probe'),
    fixable: true,
    readsOtherResources: true,
    peers: { kubeLinter: ['no-liveness-probe'], polaris: ['livenessProbeMissing'], kubeScore: ['pod-probes'] },
  },
  check(context) {
    reportMissingProbe(context, 'livenessProbe', 'Without one, a process that hangs without exiting is never restarted.');
  },
};

export default rule;
