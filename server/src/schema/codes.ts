import { ruleDocsUrl } from '../findings/docsUrl';
import type { RuleMeta } from '../findings/ruleMeta';

/** The diagnostics of the schema validation: each is a rule id for settings, docs/rules.md and `code`. */
export type SchemaCode = 'unknown-field' | 'invalid-type' | 'missing-required' | 'invalid-enum' | 'unknown-kind' | 'removed-api-version';

function meta(id: SchemaCode, severity: RuleMeta['severity'], category: RuleMeta['category'], fixable: boolean, description: string): RuleMeta {
  return { id, severity, category, description, docsUrl: ruleDocsUrl(id), fixable };
}

export const SCHEMA_CODES: readonly RuleMeta[] = [
  meta('unknown-field', 'error', 'schema', true,
    'A key the Kubernetes API (or the custom resource\'s CRD schema) does not have at that place, with a did-you-mean and a rename fix; also a key placed at the wrong level.'),
  meta('invalid-type', 'error', 'schema', true,
    'A value of the wrong YAML type (string, integer, boolean, object, list), with int-or-string and quantities read as Kubernetes reads them; fixes quote, unquote or wrap in a list.'),
  meta('missing-required', 'error', 'schema', true,
    'A required field is absent (reported on the parent key); fields the API server defaults are never reported. The fix inserts the field with a placeholder.'),
  meta('invalid-enum', 'error', 'schema', true,
    'A value outside the set the API documents (restartPolicy, imagePullPolicy, protocol, Service type, PVC accessModes, ...), with a fix to the nearest valid value.'),
  meta('unknown-kind', 'error', 'api', true,
    'An apiVersion/kind pair that a built-in API group does not serve; the fix moves it to the group that does (`v1` Deployment -> `apps/v1`).'),
  meta('removed-api-version', 'warning', 'api', true,
    'An apiVersion that Kubernetes removed at or before podlab.kubernetesVersion, naming the release; the fix migrates it where that is mechanical.'),
];

export function schemaCodeMeta(id: string): RuleMeta | undefined {
  return SCHEMA_CODES.find((code) => code.id === id);
}
