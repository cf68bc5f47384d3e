// Parses and expands VS Code (TextMate) snippet bodies without VS Code, so a template can
// be written to a file with its defaults and tests can check what each snippet produces.
// Grammar: https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number }
  | { type: 'placeholder'; index: number; children: SnippetNode[] }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children: SnippetNode[] | undefined };

/** Returns a variable's value, or undefined when the variable is unknown. */
export type VariableResolver = (name: string) => string | undefined;

export class SnippetSyntaxError extends Error {}

const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
const DIGITS = /^[0-9]+/;
const MAX_NESTING = 50;

/** Parses a snippet body into nodes; throws SnippetSyntaxError on transforms, which are not supported. */
export function parseSnippet(body: string): SnippetNode[] {
  const parser = new Parser(body);
  const nodes = parser.parseUntil(undefined);
  return nodes;
}

/**
 * The text VS Code inserts when every tab stop keeps its default: placeholders show their
 * default (an index's first default fills its empty mirrors), choices their first option,
 * tab stops nothing; variables their value, else their default, else their name.
 */
export function expandSnippet(body: string, resolveVariable: VariableResolver = () => undefined): string {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, SnippetNode[]>();
  collectDefaults(nodes, defaults);
  return render(nodes, defaults, resolveVariable, 0);
}

/** The placeholder indexes in the order Tab visits them ($0 last). */
export function tabStopOrder(body: string): number[] {
  const indexes = new Set<number>();
  const visit = (nodes: SnippetNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'tabstop' || node.type === 'choice') indexes.add(node.index);
      else if (node.type === 'placeholder') {
        indexes.add(node.index);
        visit(node.children);
      } else if (node.type === 'variable' && node.children) visit(node.children);
    }
  };
  visit(parseSnippet(body));
  return [...indexes].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
}

function collectDefaults(nodes: SnippetNode[], defaults: Map<number, SnippetNode[]>): void {
  for (const node of nodes) {
    if (node.type === 'placeholder') {
      if (!defaults.has(node.index) && node.children.length > 0) defaults.set(node.index, node.children);
      collectDefaults(node.children, defaults);
    } else if (node.type === 'choice') {
      if (!defaults.has(node.index)) defaults.set(node.index, [{ type: 'text', value: node.options[0] ?? '' }]);
    } else if (node.type === 'variable' && node.children) {
      collectDefaults(node.children, defaults);
    }
  }
}

function render(nodes: SnippetNode[], defaults: Map<number, SnippetNode[]>, resolve: VariableResolver, depth: number): string {
  if (depth > MAX_NESTING) throw new SnippetSyntaxError('placeholders refer to each other in a cycle');
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'tabstop':
      case 'placeholder':
      case 'choice': {
        const content = node.index === 0 && node.type === 'tabstop' ? undefined : defaults.get(node.index);
        if (content) out += render(content, defaults, resolve, depth + 1);
        break;
      }
      case 'variable': {
        const value = resolve(node.name);
        if (value !== undefined) out += value;
        else if (node.children) out += render(node.children, defaults, resolve, depth + 1);
        else out += node.name;
        break;
      }
    }
  }
  return out;
}

class Parser {
  private position = 0;

  constructor(private readonly source: string) {}

  /** Parses nodes until `closing` (consumed) or the end of the source. */
  parseUntil(closing: '}' | undefined, depth = 0): SnippetNode[] {
    if (depth > MAX_NESTING) throw new SnippetSyntaxError('snippet nested too deeply');
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.position < this.source.length) {
      const char = this.source[this.position];
      if (char === '\\') {
        const next = this.source[this.position + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.position += 2;
        } else {
          text += char;
          this.position += 1;
        }
        continue;
      }
      if (char === '}' && closing === '}') {
        this.position += 1;
        flush();
        return nodes;
      }
      if (char === '$') {
        const node = this.parseDollar(depth);
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += char;
      this.position += 1;
    }
    if (closing) throw new SnippetSyntaxError(`missing "${closing}" at the end of the snippet`);
    flush();
    return nodes;
  }

  /** At a `$`: returns the construct it starts, or undefined (leaving the position) when it is a literal `$`. */
  private parseDollar(depth: number): SnippetNode | undefined {
    const rest = this.source.slice(this.position + 1);
    const digits = DIGITS.exec(rest);
    if (digits) {
      this.position += 1 + digits[0].length;
      return { type: 'tabstop', index: Number(digits[0]) };
    }
    const name = VARIABLE_NAME.exec(rest);
    if (name) {
      this.position += 1 + name[0].length;
      return { type: 'variable', name: name[0], children: undefined };
    }
    if (rest[0] !== '{') return undefined;
    const inner = rest.slice(1);
    const index = DIGITS.exec(inner);
    if (index) {
      const start = this.position;
      this.position += 2 + index[0].length;
      const number = Number(index[0]);
      const next = this.source[this.position];
      if (next === '}') {
        this.position += 1;
        return { type: 'tabstop', index: number };
      }
      if (next === ':') {
        this.position += 1;
        return { type: 'placeholder', index: number, children: this.parseUntil('}', depth + 1) };
      }
      if (next === '|') {
        const options = this.parseChoiceOptions();
        if (options) return { type: 'choice', index: number, options };
      }
      if (next === '/') throw new SnippetSyntaxError(`transforms are not supported (at offset ${start})`);
      this.position = start;
      return undefined;
    }
    const variable = VARIABLE_NAME.exec(inner);
    if (variable) {
      const start = this.position;
      this.position += 2 + variable[0].length;
      const next = this.source[this.position];
      if (next === '}') {
        this.position += 1;
        return { type: 'variable', name: variable[0], children: undefined };
      }
      if (next === ':') {
        this.position += 1;
        return { type: 'variable', name: variable[0], children: this.parseUntil('}', depth + 1) };
      }
      if (next === '/') throw new SnippetSyntaxError(`transforms are not supported (at offset ${start})`);
      this.position = start;
    }
    return undefined;
  }

  /** At the `|` of `${1|a,b|}`: reads the options and the closing `|}`; undefined if malformed. */
  private parseChoiceOptions(): string[] | undefined {
    const start = this.position;
    this.position += 1;
    const options: string[] = [];
    let option = '';
    while (this.position < this.source.length) {
      const char = this.source[this.position];
      if (char === '\\') {
        const next = this.source[this.position + 1];
        if (next === ',' || next === '|' || next === '$' || next === '}' || next === '\\') {
          option += next;
          this.position += 2;
          continue;
        }
        option += char;
        this.position += 1;
        continue;
      }
      if (char === ',') {
        options.push(option);
        option = '';
        this.position += 1;
        continue;
      }
      if (char === '|' && this.source[this.position + 1] === '}') {
        options.push(option);
        this.position += 2;
        return options;
      }
      option += char;
      this.position += 1;
    }
    this.position = start;
    return undefined;
  }
}
