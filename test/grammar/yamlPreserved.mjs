// The injection must add Kubernetes meaning without taking YAML's away. Per character:
// - where no Kubernetes scope applies, the scopes are exactly those of YAML alone;
// - under a Kubernetes scope, YAML's structure (mappings, sequences, quotes, block scalar)
//   is kept and only YAML's scope for the bare value (plain or block scalar, number,
//   constant) is replaced by a more precise Kubernetes or shell one;
// - a Helm template action ({{ ... }}, scopes ending in .helm) is the injection's own: YAML alone misreads it as
//   a flow mapping, so it is not compared; and from the first action on, YAML alone's state is off (an unclosed
//   flow mapping, an invalid rest of line), so there only the innermost scope of each character is compared, unless
//   YAML alone marked the character invalid.
import { INITIAL } from './registry.mjs';

const VALUE_SCOPE = /^(?:string\.unquoted\.(?:plain\.(?:in|out)|block)\.yaml|constant\.(?:numeric|language)\.[\w.-]*yaml)$/;
const isKubernetes = (scope) => scope.endsWith('.kubernetes');
const isTemplate = (scope) => scope.endsWith('.helm');

function scopesPerCharacter(tokens, length) {
  const scopes = new Array(length);
  for (const token of tokens) for (let i = token.startIndex; i < Math.min(token.endIndex, length); i++) scopes[i] = token.scopes;
  return scopes;
}

const structure = (scopes) => scopes.filter((scope) => !VALUE_SCOPE.test(scope));
const yamlScopes = (scopes) => scopes.filter((scope) => scope.endsWith('.yaml'));
const same = (a, b) => a.length === b.length && a.every((scope, i) => scope === b[i]);

/** The first character of `line` whose highlighting the injection broke, with both scope lists; undefined if none. */
function firstDifference(line, yamlTokens, injectedTokens, afterAction) {
  const base = scopesPerCharacter(yamlTokens, line.length);
  const injected = scopesPerCharacter(injectedTokens, line.length);
  for (let i = 0; i < line.length; i++) {
    if (injected[i].some(isTemplate)) {
      afterAction.seen = true;
      continue;
    }
    if (afterAction.seen && !injected[i].some(isKubernetes)) {
      const leaf = base[i][base[i].length - 1];
      if (leaf.startsWith('invalid.') || leaf === injected[i][injected[i].length - 1] || /\s/.test(line[i])) continue;
    }
    const trailingSpace = /^\s*$/.test(line.slice(i));
    const ok = injected[i].some(isKubernetes)
      ? same(structure(base[i]), yamlScopes(structure(injected[i])))
      : same(base[i], injected[i]) || (trailingSpace && same(structure(base[i]), structure(injected[i])));
    if (!ok) return { column: i, yaml: base[i], injected: injected[i] };
  }
  return undefined;
}

/** Tokenizes `text` with both grammars; returns the broken lines (at most `limit`) and how many tokens got Kubernetes scopes. */
export function checkText(yamlGrammar, injectedGrammar, text, limit = 3) {
  const problems = [];
  let kubernetesTokens = 0;
  let yamlState = INITIAL;
  let injectedState = INITIAL;
  const afterAction = { seen: false };
  text.split(/\r?\n/).forEach((line, index) => {
    const plain = yamlGrammar.tokenizeLine(line, yamlState);
    const injected = injectedGrammar.tokenizeLine(line, injectedState);
    yamlState = plain.ruleStack;
    injectedState = injected.ruleStack;
    kubernetesTokens += injected.tokens.filter((token) => token.scopes.some(isKubernetes)).length;
    const difference = problems.length < limit ? firstDifference(line, plain.tokens, injected.tokens, afterAction) : undefined;
    afterAction.seen ||= injected.tokens.some((token) => token.scopes.some(isTemplate));
    if (difference) problems.push({ line: index + 1, text: line, ...difference });
  });
  return { problems, kubernetesTokens };
}
