// Colour variables VS Code sets on a webview, as read from code-server 4.100.3's webview in its
// default themes (test/e2e/previewThemes.test.ts writes them to test-results/e2e/theme-*-colours.json).
export const DARK_MODERN: Record<string, string> = {
  '--vscode-foreground': '#cccccc',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-charts-foreground': '#cccccc',
  '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7',
};

export const LIGHT_MODERN: Record<string, string> = {
  '--vscode-foreground': '#3b3b3b',
  '--vscode-editor-background': '#ffffff',
  '--vscode-descriptionForeground': '#3b3b3b',
  '--vscode-focusBorder': '#005fb8',
  '--vscode-charts-foreground': '#3b3b3b',
  '--vscode-charts-lines': 'rgba(59, 59, 59, 0.5)',
  '--vscode-charts-red': '#e51400',
  '--vscode-charts-blue': '#1a85ff',
  '--vscode-charts-yellow': '#bf8803',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-green': '#388a34',
  '--vscode-charts-purple': '#652d90',
};
