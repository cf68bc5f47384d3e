import { ruleDocsUrl } from '../findings/docsUrl';
import { reportMissingProbe } from './support/missingProbe';
import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'missing-readiness-probe',
    severity: 'warning',
    category: 'best-practice',
    description: 'Long-running containers that serve a port but have no readinessProbe (Jobs are not checked).',
    docsUrl: ruleDocsUrl('missing-readiness-probe'),
    fixable: true,
    readsOtherResources: true,
    peers: { kubeLinter: ['no-readiness-probe'], polaris: ['readinessProbeMissing'], kubeScore: ['pod-probes'] },
  },
  check(context) {
    reportMissingProbe(context, 'readinessProbe', 'Without one, the pod receives Service traffic as soon as the process starts, before the app can answer, and rollouts do not wait for it.');
  },
};

export default rule;
