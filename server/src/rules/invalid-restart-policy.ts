import { isScalar, type Scalar } from 'yaml';
import { replaceScalar } from '../yaml/edits';
import { ruleDocsUrl } from '../findings/docsUrl';
import { pairOf } from '../yaml/nodes';
import { containersOf, podSpecOf } from '../parse/workloads';
import type { Rule, RuleContext } from './types';

/** Controllers that keep pods running: the API server accepts only `Always` in their templates. */
const ALWAYS_ONLY = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet']);
const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);

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
      } else if (String(value.value) !== 'Always') {
        context.report({
          span: [value.range![0], value.range![1]],
          message: `An init container's restartPolicy can only be "Always" (a native sidecar), not "${String(value.value)}".`,
          fixes: fix(value, 'Always'),
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
  if (ALWAYS_ONLY.has(kind) && policy !== 'Always') {
    context.report({
      span,
      message: `A ${kind}'s pod template must use restartPolicy "Always" (the controller replaces pods, the kubelet restarts containers); "${policy}" is rejected by the API server.`,
      fixes: fix(value, 'Always'),
    });
  } else if (RUN_TO_COMPLETION.has(kind) && policy === 'Always') {
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
