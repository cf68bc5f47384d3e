import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The server's layers, bottom up (docs/architecture.md): each may import only the layers listed before it, never
 * one after it. Siblings of one level (schema, rules, hovers, simulation) import each other only where `allow` says.
 */
const LAYERS = [
  { name: 'yaml', files: ['server/src/yaml/**'] },
  { name: 'findings', files: ['server/src/findings/**'] },
  { name: 'parse', files: ['server/src/parse/**'] },
  { name: 'k8s', files: ['server/src/k8s/**'] },
  { name: 'settings', files: ['server/src/settings.ts'] },
  { name: 'workspace', files: ['server/src/workspace/**'] },
  { name: 'schema', files: ['server/src/schema/**'] },
  { name: 'rules', files: ['server/src/rules/**'] },
  { name: 'hovers', files: ['server/src/hovers/**'], allow: ['schema'] },
  { name: 'simulation', files: ['server/src/simulation/**'] },
  { name: 'protocol', files: ['server/src/protocol/**'], allow: ['simulation'] },
  { name: 'analysis', files: ['server/src/analysis/**'], allow: ['schema', 'rules', 'hovers', 'simulation', 'protocol'] },
  { name: 'lsp', files: ['server/src/lsp/**'], allow: ['schema', 'rules', 'hovers', 'simulation', 'protocol', 'analysis'] },
  { name: 'cli', files: ['server/src/cli/**'], allow: ['schema', 'rules', 'hovers', 'simulation', 'protocol', 'analysis'] },
];
/** Layers of one level: none of them may import another unless its `allow` names it. */
const SIBLINGS = ['schema', 'rules', 'hovers', 'simulation', 'protocol', 'analysis', 'lsp', 'cli'];

/** A relative import that reaches into the folder (or file) `name`, from anywhere. */
const into = (names) => `^\\.{1,2}/(?:.*/)?(?:${names.join('|')})(?:\\.ts)?(?:/|$)`;

function layerRules() {
  return LAYERS.map((layer, index) => {
    const above = LAYERS.slice(index + 1).map((other) => other.name);
    const siblings = SIBLINGS.includes(layer.name) ? SIBLINGS.filter((name) => name !== layer.name) : [];
    const forbidden = [...new Set([...above, ...siblings])].filter((name) => !layer.allow?.includes(name));
    const simulationOnlyK8s = layer.name === 'simulation'
      ? [{ regex: into(['yaml', 'findings', 'parse', 'settings', 'workspace']), message: 'The simulation is pure: it imports k8s/ and nothing of the editor layers.' }]
      : [];
    const protocolOnlyTypes = layer.name === 'protocol'
      ? [{ regex: '^\\.{1,2}/(?!simulation/types$)', message: 'The protocol imports nothing but the simulation\'s types (the webview bundles it).' }]
      : [];
    return {
      files: layer.files,
      rules: {
        'no-restricted-imports': ['error', {
          paths: [{ name: 'vscode', message: 'The server never imports the VS Code API.' }],
          patterns: [
            { regex: into(forbidden), message: `Layer "${layer.name}" may not import from ${forbidden.join(', ')} (layers import only downward; see docs/architecture.md).` },
            ...simulationOnlyK8s,
            ...protocolOnlyTypes,
          ],
        }],
      },
    };
  });
}

/** The extension and its webview talk to the server over the protocol only: no server internals (the scenario knob table is protocol). */
const clientBoundary = {
  files: ['client/**'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{
        regex: '^\\.{1,2}/(?:.*/)?server/src/(?!simulation/(?:types|knobs)$|protocol$)',
        message: 'The client and the webview import nothing of the server but the shared protocol modules (protocol, simulation/types, simulation/knobs).',
      }],
    }],
  },
};

/**
 * Small modules: at most 400 lines a file and 80 a function, as errors. The exceptions, each with its reason:
 * - test/**: a describe() callback is a table of cases, not logic; it grows with the cases (files stay under 400).
 * - bench/generatedManifests.ts: `application` is one template literal of YAML (data), not 130 lines of code.
 */
const sizeLimits = [
  { rules: { 'max-lines': ['error', { max: 400 }], 'max-lines-per-function': ['error', { max: 80 }] } },
  { files: ['test/**'], rules: { 'max-lines-per-function': 'off' } },
  { files: ['bench/generatedManifests.ts'], rules: { 'max-lines-per-function': 'off' } },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'build/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'coverage/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.mocha },
    },
    rules: {
      'no-duplicate-imports': 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['client/webview/**'], languageOptions: { globals: globals.browser } },
  ...sizeLimits,
  ...layerRules(),
  clientBoundary,
);
