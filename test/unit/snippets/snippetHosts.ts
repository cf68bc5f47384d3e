// Where each snippet that is not a whole-manifest template is meant to be typed, and a
// valid Pod to type it into, so the test can validate what the snippet produces in place.

export type SnippetContext = 'container-item' | 'init-container-item' | 'container-keys' | 'volume-item' | 'volume-mount-item';

export const SNIPPET_CONTEXTS: Record<string, SnippetContext> = {
  'Container (item of containers:)': 'container-item',
  'Init container (item of initContainers:)': 'init-container-item',
  'Native sidecar container (item of initContainers:)': 'init-container-item',
  'HTTP probe (inside a container)': 'container-keys',
  'TCP probe (inside a container)': 'container-keys',
  'Exec probe (inside a container)': 'container-keys',
  'gRPC probe (inside a container)': 'container-keys',
  'Readiness, liveness and startup probes (inside a container)': 'container-keys',
  'Resources (inside a container)': 'container-keys',
  'Env from a ConfigMap key (inside a container)': 'container-keys',
  'Env from a Secret key (inside a container)': 'container-keys',
  'All keys of a ConfigMap or Secret as env (inside a container)': 'container-keys',
  'ConfigMap volume (item of volumes:)': 'volume-item',
  'Secret volume (item of volumes:)': 'volume-item',
  'Volume mount (item of volumeMounts:)': 'volume-mount-item',
};

/** Types `expansion` into a host Pod at `context`, indenting every line after the first as VS Code does. */
export function typeIntoHost(context: SnippetContext | undefined, expansion: string): string {
  const slot = (here: SnippetContext, indent: string): string =>
    here === context ? `${indent}${expansion.replace(/\n/g, `\n${indent}`).trimEnd()}\n` : '';
  return [
    'apiVersion: v1\n',
    'kind: Pod\n',
    'metadata:\n',
    '  name: host\n',
    'spec:\n',
    context === 'init-container-item' ? '  initContainers:\n' : '',
    slot('init-container-item', '    '),
    '  containers:\n',
    '    - name: main\n',
    '      image: nginx:1.27\n',
    '      ports:\n',
    '        - name: http\n',
    '          containerPort: 8080\n',
    context === 'volume-mount-item' ? '      volumeMounts:\n' : '',
    slot('volume-mount-item', '        '),
    slot('container-keys', '      '),
    slot('container-item', '    '),
    context === 'volume-item' || context === 'volume-mount-item' ? '  volumes:\n' : '',
    context === 'volume-mount-item' ? '    - name: config\n      configMap:\n        name: app-config\n' : '',
    slot('volume-item', '    '),
  ].join('');
}

/**
 * The file templates whose default files sit beside a snippet in its test workspace: the
 * snippets' default names link up (the Services select the Deployment template's pods by its
 * port name; the fragments refer to the ConfigMap and Secret templates), and cross-resource
 * rules check that they do.
 */
export function neighboursOf(snippetName: string, isFileTemplate: boolean): string[] {
  if (/^Service \(/.test(snippetName)) return ['Deployment'];
  return isFileTemplate ? [] : ['ConfigMap', 'Secret'];
}
