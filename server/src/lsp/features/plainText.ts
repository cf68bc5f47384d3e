/**
 * The hover and documentation markdown Podlab writes, as plain text for a client that shows text as it is:
 * emphasis and code marks go, a link keeps its words and its address, fences and heading marks go.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*```/.test(line))
    .map((line) => line
      .replace(/^(\s*)#{1,6}\s+/, '$1')
      .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (_, words: string, address: string) => (words === address ? address : `${words} (${address})`))
      .replace(/\*\*([^*\n]+)\*\*/g, '$1')
      .replace(/__([^_\n]+)__/g, '$1')
      .replace(/`([^`\n]+)`/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1'))
    .join('\n');
}
