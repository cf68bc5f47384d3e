import { promises as fs } from 'node:fs';
import { runCli, EXIT_USAGE } from './run';

/** The `podlab` executable: the command line over process streams. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  writeFile: (file, text) => fs.writeFile(file, text, 'utf8'),
}).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`podlab: internal error (please report it): ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = EXIT_USAGE;
});
