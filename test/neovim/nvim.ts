/**
 * Runs one scenario of test/neovim/init.lua: Neovim headless (its own LSP client, its own capabilities) against the
 * built server, in a fresh temporary home so no user configuration or plugin takes part.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');
const INIT = path.resolve(__dirname, 'init.lua');
/** Each wait inside Neovim; the whole run is stopped a while after the longest it could take. */
const WAIT_MS = 10_000;
const RUN_LIMIT_MS = 45_000;

export interface NvimDiagnostic {
  code: string;
  source: string;
  severity: number;
  message: string;
  lnum: number;
  col: number;
  end_col: number;
}

export interface NvimResult {
  error?: string;
  log?: string;
  registrations: string[];
  messages: string[];
  declared: { snippetSupport: boolean; didChangeConfigurationDynamic: boolean };
  codeLensProvider: boolean;
  diagnostics?: NvimDiagnostic[];
  lenses?: Array<{ command?: { command: string } }> | null;
  hover?: { contents: { kind: string; value: string } | string } | null;
  items?: Array<{ label: string; insertTextFormat?: number; textEdit?: { newText: string }; insertText?: string; documentation?: unknown }>;
  words?: string[];
  lines?: string[];
  titles?: string[];
  before?: NvimDiagnostic[];
  after?: NvimDiagnostic[];
  withRuleOff?: NvimDiagnostic[];
  withRuleOn?: NvimDiagnostic[];
}

export interface Scenario {
  scenario: 'diagnostics' | 'hover' | 'completion' | 'quickfix' | 'settings' | 'readme';
  /** The file's name and text, written into the workspace folder. */
  file: string;
  text: string;
  /** No workspace folder: the client starts the server with no root. */
  noRoot?: boolean;
  settings?: Record<string, unknown>;
  at?: string;
  pick?: string;
  code?: string;
  plaintext?: boolean;
  /** Lua run first (the readme scenario: the README's set-up, which starts the client itself). */
  setup?: string;
  /** A folder put first on PATH (where a test puts a `podlab-language-server` of the built server). */
  binFolder?: string;
  /** Declare workspace/configuration, as Neovim 0.8 and later do. */
  pullSettings?: boolean;
}

/** Runs Neovim on the scenario and resolves with what init.lua wrote; rejects if Neovim does not finish in time. */
export async function runNeovim(scenario: Scenario): Promise<NvimResult & { folder: string }> {
  const home = mkdtempSync(path.join(tmpdir(), 'podlab-nvim-'));
  const folder = path.join(home, 'workspace');
  mkdirSync(folder);
  const file = path.join(folder, scenario.file);
  writeFileSync(file, scenario.text);
  const resultFile = path.join(home, 'result.json');
  const setupFile = path.join(home, 'setup.lua');
  if (scenario.setup) writeFileSync(setupFile, scenario.setup);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: scenario.binFolder ? `${scenario.binFolder}${path.delimiter}${process.env.PATH ?? ''}` : process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    PODLAB_NODE: process.execPath,
    PODLAB_SERVER: SERVER_PATH,
    PODLAB_FILE: file,
    PODLAB_ROOT: scenario.noRoot ? '' : folder,
    PODLAB_SCENARIO: scenario.scenario,
    PODLAB_RESULT: resultFile,
    PODLAB_SETTINGS: scenario.settings ? JSON.stringify(scenario.settings) : '',
    PODLAB_AT: scenario.at ?? '',
    PODLAB_PICK: scenario.pick ?? '',
    PODLAB_CODE: scenario.code ?? '',
    PODLAB_PLAINTEXT: scenario.plaintext ? '1' : '',
    PODLAB_PULL_SETTINGS: scenario.pullSettings ? '1' : '',
    PODLAB_SETUP: setupFile,
    PODLAB_WAIT_MS: String(WAIT_MS),
  };
  try {
    const { code, output } = await run(['nvim', '--headless', '-n', '-i', 'NONE', '--noplugin', '-u', INIT], env, home);
    let text: string;
    try {
      text = readFileSync(resultFile, 'utf8');
    } catch {
      throw new Error(`Neovim wrote no result (exit code ${code}). Its output:\n${output}`);
    }
    return { ...(JSON.parse(text) as NvimResult), folder };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Runs the command in its own process group; past RUN_LIMIT_MS the whole group (Neovim and the server) is killed. */
function run(command: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      killGroup();
      reject(new Error(`Neovim did not finish within ${RUN_LIMIT_MS} ms; killed it. Its output:\n${output}`));
    }, RUN_LIMIT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup();
      resolve({ code, output });
    });
  });
}
