import { promises as fs } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runCli, EXIT_USAGE } from './run';

// A lint run is a batch job with a small live set (the workspace index) and much short-lived garbage (one parse per
// file). V8 lets the heap grow to about four times what survived the last full collection when collecting is cheap;
// twice is enough here: a 5,000-file workspace peaks at 240 MiB instead of 340 MiB, in the same time (bench:cli). It
// is a heuristic V8 reads at each collection (it has had it since 2019).
setFlagsFromString('--heap-growing-percent=100');

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
