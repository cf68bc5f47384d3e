/** Hostile documents shared by the unit tests (test/unit/hostile) and the LSP tests (test/lsp/hostile.test.ts). */

export const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded. */
export function billionLaughs(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lol', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    lines.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

/** A multi-document file of Pods at least `size` characters long. */
export function manyPods(size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = `---\n${POD.replace('name: web\nspec', `name: web-${i}\nspec`)}`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** Collections nested far deeper than any manifest, in every YAML style. */
export const DEEP_NESTING: Record<string, string> = {
  'flow sequences, 10,000 levels': `${POD}  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  'flow maps, 10,000 levels': `${POD}  x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
  'unclosed flow sequences, 10,000 levels': `${POD}  x: ${'['.repeat(10_000)}\n`,
  'block sequences, 10,000 levels': `${POD}  x:\n    ${'- '.repeat(10_000)}a\n`,
  // Each level of a block map indents one more column, so 10,000 levels would need 50 MB of spaces.
  'block maps, 1,500 levels': POD + Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' end\n',
};

/** 4 KB of pseudo-random bytes (a fixed seed, so every run sees the same junk). */
export function junkBytes(length = 4096, seed = 7): Buffer {
  const junk = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < junk.length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    junk[i] = state & 0xff;
  }
  return junk;
}

/** Binary junk, NUL bytes, invalid UTF-8 (decoded as an editor would, with U+FFFD) and lone surrogates. */
export function binaryTexts(): Record<string, string> {
  const junk = junkBytes();
  return {
    'random bytes decoded as UTF-8': junk.toString('utf8'),
    'random bytes decoded as Latin-1': junk.toString('latin1'),
    'a Pod followed by random bytes': `${POD}${junk.toString('utf8')}`,
    'control characters in a value': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: \u0000\u0001\u0002\n',
    'invalid UTF-8 sequences': Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28, 0xff, 0xfe, 0x0a]).toString('utf8'),
    'a lone surrogate in a name': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: \uD800\uDC00\uD800 lone surrogate\n',
  };
}

/** Each kind of malformed YAML, in a manifest. */
export const MALFORMED: Record<string, string> = {
  'an unclosed double quote': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n',
  'an unclosed single quote': "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'web\n",
  'an unclosed flow sequence': 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [a, b\n',
  'an unclosed flow map': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web\n',
  'bad indentation': 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\n  labels: {}\n',
  'a tab as indentation': 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n',
  'a duplicate key': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n',
  'an alias without its anchor': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: *nope\n',
  'only a comment': '# apiVersion: v1\n# kind: Pod\n',
  'empty documents between ---': '---\n---\n# nothing\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n---\n',
  'hundreds of stray brackets': 'apiVersion: v1\nkind: Pod\n' + ']\n'.repeat(300),
};
