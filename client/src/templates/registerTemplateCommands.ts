import * as vscode from 'vscode';
import { defaultManifestFileName, fileNameProblem, manifestTemplates, type ManifestTemplate } from './manifestTemplates';
import { readSnippetFile } from './snippetFile';

/** The snippets file the extension contributes; the commands offer its file templates. */
const SNIPPETS_FILE = ['snippets', 'kubernetes.code-snippets'];

/** Registers "Podlab: New Manifest..." and the explorer's "New Kubernetes Manifest". */
export function registerTemplateCommands(context: vscode.ExtensionContext): void {
  let loaded: Promise<ManifestTemplate[]> | undefined;
  const templates = (): Promise<ManifestTemplate[]> => {
    loaded ??= loadTemplates(context.extensionUri).catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('podlab.newManifest', async () => {
      const template = await pickTemplate(await templates());
      if (template) await openUntitledManifest(template);
    }),
    vscode.commands.registerCommand('podlab.newManifestInFolder', async (folder?: vscode.Uri) => {
      const target = folder ?? (await askForFolder());
      if (!target) return;
      const template = await pickTemplate(await templates());
      if (template) await createManifestFile(target, template);
    }),
  );
}

async function loadTemplates(extensionUri: vscode.Uri): Promise<ManifestTemplate[]> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...SNIPPETS_FILE));
  return manifestTemplates(readSnippetFile(new TextDecoder().decode(bytes)));
}

async function pickTemplate(templates: ManifestTemplate[]): Promise<ManifestTemplate | undefined> {
  const picked = await vscode.window.showQuickPick(
    templates.map((template) => ({ label: template.label, description: template.description, detail: template.detail, template })),
    { title: 'New Kubernetes Manifest', placeHolder: 'Choose what to create', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.template;
}

/** A new untitled YAML document holding the template with its tab stops live. */
async function openUntitledManifest(template: ManifestTemplate): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(template.snippet), new vscode.Position(0, 0));
}

/** `<kind>.yaml` in `folder`, named by the user, never overwriting a file, with the template's defaults. */
async function createManifestFile(folder: vscode.Uri, template: ManifestTemplate): Promise<void> {
  const name = await vscode.window.showInputBox({
    title: `New ${template.label}`,
    prompt: `File name in ${vscode.workspace.asRelativePath(folder)}`,
    value: defaultManifestFileName(template),
    valueSelection: [0, defaultManifestFileName(template).lastIndexOf('.')],
    validateInput: async (value) => fileNameProblem(value) ?? ((await exists(vscode.Uri.joinPath(folder, value.trim()))) ? `${value.trim()} already exists.` : undefined),
  });
  if (name === undefined) return;
  const target = vscode.Uri.joinPath(folder, name.trim());
  if (await exists(target)) {
    void vscode.window.showErrorMessage(`${name.trim()} already exists; Podlab does not overwrite files.`);
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(template.defaultText));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
}

async function askForFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders;
  if (folders?.length === 1) return folders[0].uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create Manifest Here', defaultUri: folders?.[0]?.uri });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
