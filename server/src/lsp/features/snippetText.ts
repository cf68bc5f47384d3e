/**
 * What a snippet inserts when nobody edits it, for a client without snippet support: tab stops vanish, a
 * placeholder leaves its default, a choice leaves nothing (the value completion offers the choices next).
 */
export function snippetToPlainText(snippet: string): string {
  let out = '';
  let at = 0;
  while (at < snippet.length) {
    const char = snippet[at];
    if (char === '\\' && at + 1 < snippet.length && '$}\\'.includes(snippet[at + 1])) {
      out += snippet[at + 1];
      at += 2;
      continue;
    }
    if (char !== '$') {
      out += char;
      at++;
      continue;
    }
    const simple = /^\$(\d+|[A-Z_]+)/.exec(snippet.slice(at));
    if (simple) {
      at += simple[0].length;
      continue;
    }
    const close = matchingBrace(snippet, at + 1);
    if (snippet[at + 1] !== '{' || close < 0) {
      out += char;
      at++;
      continue;
    }
    const body = snippet.slice(at + 2, close);
    const placeholder = /^(?:\d+|[A-Z_]+):([\s\S]*)$/.exec(body);
    if (placeholder) out += snippetToPlainText(placeholder[1]);
    at = close + 1;
  }
  return out;
}

/** The index of the `}` that closes the `{` at `open`, skipping escaped and nested braces; -1 when there is none. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '{') depth++;
    else if (text[at] === '}' && --depth === 0) return at;
  }
  return -1;
}
