import { isScalar, type Scalar } from 'yaml';
import { replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { pairOf } from '../yaml/nodes';
import { containersOf, podSpecOf } from '../k8s/workloads';
import { allowedRestartPolicies, INIT_CONTAINER_RESTART_POLICY, runsToCompletion, type RestartPolicy } from '../k8s/defaults';
import type { Rule, RuleContext } from './types';


const rule: Rule = {
  meta: {
    id: 'invalid-restart-policy',
    severity: 'error',
    category: 'api',
    description: 'restartPolicy values the API server rejects for this kind of workload or container.',
    docsUrl: ruleDocsUrl('invalid-restart-policy'),
    fixable: true,
    peers: { kubeLinter: ['restart-policy'], kubeScore: ['cronjob-restartpolicy'] },
  },
  check(context) {
    const podSpec = podSpecOf(context.resource);
    if (!podSpec) return;
    checkPodPolicy(context, pairOf(podSpec, 'restartPolicy')?.value);
    for (const container of containersOf(podSpec)) {
      const value = pairOf(container.node, 'restartPolicy')?.value;
      if (!isScalar(value)) continue;
      if (container.list === 'containers' || container.list === 'ephemeralContainers') {
        context.report({
          span: [value.range![0], value.range![1]],
          message: `restartPolicy may not be set on a regular container (${container.name ?? 'unnamed'}); only init containers take it, and only "Always", which makes them sidecars.`,
        });
      } else if (String(value.value) !== INIT_CONTAINER_RESTART_POLICY) {
        context.report({
          span: [value.range![0], value.range![1]],
          message: `An init container's restartPolicy can only be "Always" (a native sidecar), not "${String(value.value)}".`,
          fixes: fix(value, INIT_CONTAINER_RESTART_POLICY),
        });
      }
    }
  },
};

function checkPodPolicy(context: RuleContext, value: unknown): void {
  if (!isScalar(value) || !value.range) return;
  const policy = String(value.value);
  const kind = context.resource.kind ?? '';
  const span = [value.range[0], value.range[1]] as const;
  const allowed = allowedRestartPolicies(kind);
  if (allowed.includes(policy as RestartPolicy)) return;
  if (allowed.length === 1) {
    context.report({
      span,
      message: `A ${kind}'s pod template must use restartPolicy "Always" (the controller replaces pods, the kubelet restarts containers); "${policy}" is rejected by the API server.`,
      fixes: fix(value, allowed[0]),
    });
  } else if (runsToCompletion(kind) && policy === 'Always') {
    context.report({
      span,
      message: `A ${kind}'s pods run to completion: restartPolicy must be "OnFailure" or "Never", not "Always".`,
      fixes: [...fix(value, 'OnFailure'), ...fix(value, 'Never', false)],
    });
  }
}

function fix(value: Scalar, policy: string, preferred = true) {
  const edit = replaceScalar(value, policy);
  return edit ? [{ title: `Change restartPolicy to ${policy}`, edits: [edit], preferred }] : [];
}

export default rule;
