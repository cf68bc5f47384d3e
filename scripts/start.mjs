// `npm start`: builds and packages Podlab, installs the .vsix into code-server (VS Code in the
// browser) and opens the sample manifests of examples/, or your own folder with `npm start -- --folder DIR`.
// With a display, a Chromium window opens; without one, the URL is printed and code-server keeps serving
// until Ctrl+C. Missing Debian packages and code-server itself are installed first (output in test-results/setup.log).
// Usage: node scripts/start.mjs [--port N] [--folder DIR] [--no-browser]
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { ensureCodeServer, repoRoot, startCodeServer } from './code-server.mjs';
import { codeServerPackages, ensureSystemPackages, setupLog } from './system-packages.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const port = option('--port') ? Number(option('--port')) : undefined;
const folder = resolve(option('--folder') ?? join(repoRoot, 'examples'));
const wantBrowser = !args.includes('--no-browser') && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function stop(message) {
  console.error(`[start] ${message}`);
  process.exit(1);
}

if (!existsSync(folder) || !statSync(folder).isDirectory()) stop(`--folder ${folder}: no such folder`);
if (!existsSync(join(repoRoot, 'node_modules', '.package-lock.json'))) stop('the npm dependencies are not installed. Run:\n\n    npm ci\n');
try {
  ensureSystemPackages([...codeServerPackages, ...(wantBrowser ? ['chromium'] : [])]);
  ensureCodeServer();
} catch (error) {
  stop(error instanceof Error ? error.message : String(error));
}

console.log(`[start] building and packaging (npm run package; output in ${setupLog})`);
mkdirSync(dirname(setupLog), { recursive: true });
const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8' });
appendFileSync(setupLog, `\n$ npm run package\n${packaged.stdout}${packaged.stderr}`);
if (packaged.status !== 0) stop(`npm run package failed:\n${packaged.stdout}${packaged.stderr}`);

const vsix = join(repoRoot, 'out', 'podlab.vsix');
console.log(`[start] installing ${vsix} into code-server and opening ${folder}`);
const server = await startCodeServer({ vsix, port });
const url = `${server.url}?folder=${encodeURIComponent(folder)}`;

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\n[start] stopping code-server');
  await server.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
server.child.on('exit', (code) => {
  if (!stopping) {
    console.error(`[start] code-server exited (code ${code}); log: ${server.logFile}`);
    void shutdown(1);
  }
});

console.log(`[start] Podlab is running in VS Code at:\n\n    ${url}\n`);
if (wantBrowser) {
  const browser = await launchChromium({ headless: false, args: ['--start-maximized'] });
  const page = await browser.newPage({ viewport: null });
  await page.goto(url);
  console.log('[start] opened a Chromium window; close it or press Ctrl+C to stop');
  browser.on('disconnected', () => void shutdown(0));
} else {
  console.log('[start] no display: open the URL above in a browser (ssh -L port forwarding works too); Ctrl+C stops');
}
