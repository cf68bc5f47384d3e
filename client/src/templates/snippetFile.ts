/** One entry of a VS Code `.code-snippets` file. */
export interface SnippetDefinition {
  /** The entry's key: what the suggestion list shows. */
  name: string;
  prefixes: string[];
  description: string;
  /** Lines joined with "\n", as VS Code joins them. */
  body: string;
  /** A whole-file template (VS Code's "Fill File with Snippet"); Podlab's New Manifest commands offer these. */
  isFileTemplate: boolean;
}

/** Reads a `.code-snippets` file (plain JSON); throws on entries VS Code could not use. */
export function readSnippetFile(jsonText: string): SnippetDefinition[] {
  const parsed: unknown = JSON.parse(jsonText);
  if (!isRecord(parsed)) throw new Error('a snippets file must hold a JSON object');
  return Object.entries(parsed).map(([name, entry]) => {
    if (!isRecord(entry)) throw new Error(`snippet "${name}" is not an object`);
    const prefixes = toLines(entry.prefix, `snippet "${name}": prefix`);
    const body = toLines(entry.body, `snippet "${name}": body`).join('\n');
    const description = typeof entry.description === 'string' ? entry.description : '';
    return { name, prefixes, description, body, isFileTemplate: entry.isFileTemplate === true };
  });
}

function toLines(value: unknown, what: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((line) => typeof line === 'string')) return value as string[];
  throw new Error(`${what} must be a string or an array of strings`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
