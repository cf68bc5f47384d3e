import { RULES } from '../rules';
import type { PeerChecks } from '../findings/ruleMeta';

/** Check id of another linter -> the Podlab rules that stand for it, read from the rules' metadata (`meta.peers`). */
function checksOf(linter: keyof PeerChecks): Record<string, readonly string[]> {
  const map: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const { meta } of RULES) {
    for (const check of meta.peers?.[linter] ?? []) (map[check] ??= []).push(meta.id);
  }
  return map;
}

/** kube-linter check names (`ignore-check.kube-linter.io/<check>`). */
export const KUBE_LINTER_CHECKS = checksOf('kubeLinter');

/** Polaris check ids (`polaris.fairwinds.com/<check>-exempt: "true"`). */
export const POLARIS_CHECKS = checksOf('polaris');

/** kube-score check ids (`kube-score/ignore: <check>[,<check>]`). */
export const KUBE_SCORE_CHECKS = checksOf('kubeScore');
