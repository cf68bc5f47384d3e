import * as assert from 'node:assert/strict';
import { expandSnippet, parseSnippet, SnippetSyntaxError, tabStopOrder } from '../../../client/src/templates/snippetSyntax';

describe('snippet syntax: expanding with defaults', () => {
  it('keeps plain text as it is', () => {
    assert.equal(expandSnippet('kind: Pod\nmetadata: {}'), 'kind: Pod\nmetadata: {}');
  });

  it('drops tab stops and shows placeholder defaults', () => {
    assert.equal(expandSnippet('a$1b${2}c${3:three}d$0'), 'abcthreed');
  });

  it('gives every occurrence of an index the first default of that index, as VS Code does', () => {
    assert.equal(expandSnippet('$1 ${1:web} ${1} ${1:other}'), 'web web web web');
  });

  it('shows the first option of a choice, also in its mirrors', () => {
    assert.equal(expandSnippet('type: ${1|ClusterIP,NodePort|} again: $1'), 'type: ClusterIP again: ClusterIP');
  });

  it('expands nested placeholders and mirrors inside defaults', () => {
    assert.equal(expandSnippet('${1:name} ${2:key-${1}} ${3:${4:deep}}'), 'name key-name deep');
  });

  it('resolves variables, falls back to their default, then to their name', () => {
    const resolve = (name: string) => (name === 'TM_FILENAME_BASE' ? 'pod' : undefined);
    assert.equal(expandSnippet('$TM_FILENAME_BASE ${TM_FILENAME_BASE} ${UNKNOWN:dflt} $UNKNOWN', resolve), 'pod pod dflt UNKNOWN');
  });

  it('unescapes \\$, \\} and \\\\ and keeps other backslashes', () => {
    assert.equal(expandSnippet('echo \\$HOME \\} \\\\ \\n ${1:a\\}b}'), 'echo $HOME } \\ \\n a}b');
  });

  it('unescapes commas and pipes inside choices', () => {
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.deepEqual(parseSnippet('${1|a\\|b,c|}'), [{ type: 'choice', index: 1, options: ['a|b', 'c'] }]);
  });

  it('treats a $ that starts nothing as literal text', () => {
    assert.equal(expandSnippet('cost: $ 5, ${ x }, $-1'), 'cost: $ 5, ${ x }, $-1');
  });

  it('treats an unterminated choice as text', () => {
    assert.equal(expandSnippet('${1|a,b'), '${1|a,b');
  });

  it('rejects transforms and unterminated placeholders', () => {
    assert.throws(() => expandSnippet('${1/(.*)/upper/}'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${TM_FILENAME/(.*)/$1/}'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${1:open'), SnippetSyntaxError);
  });

  it('rejects placeholders whose defaults refer to each other', () => {
    assert.throws(() => expandSnippet('${1:${2}} ${2:${1}}'), SnippetSyntaxError);
  });

  it('parses into the node kinds of the snippet grammar', () => {
    assert.deepEqual(parseSnippet('a ${1:x} $2 ${3|p,q|} $VAR'), [
      { type: 'text', value: 'a ' },
      { type: 'placeholder', index: 1, children: [{ type: 'text', value: 'x' }] },
      { type: 'text', value: ' ' },
      { type: 'tabstop', index: 2 },
      { type: 'text', value: ' ' },
      { type: 'choice', index: 3, options: ['p', 'q'] },
      { type: 'text', value: ' ' },
      { type: 'variable', name: 'VAR', children: undefined },
    ]);
  });

  it('lists tab stops in visiting order with $0 last', () => {
    assert.deepEqual(tabStopOrder('$0 ${2:b} ${1:a} ${10|x|} $3'), [1, 2, 3, 10, 0]);
  });
});
