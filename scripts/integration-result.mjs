// Prints what the integration suite wrote (see test/integration/result.ts) the way mocha's
// spec reporter would, ending with mocha's "N passing / N failing" summary lines.
export function printIntegrationResult(result) {
  console.log('');
  for (const test of result.tests) {
    const mark = test.state === 'passed' ? '  ✔' : test.state === 'pending' ? '  -' : '  ✗';
    const time = test.state === 'passed' && test.durationMs > 75 ? ` (${test.durationMs}ms)` : '';
    console.log(`${mark} ${test.title}${time}`);
  }
  console.log('');
  console.log(`  ${result.passes} passing (${(result.durationMs / 1000).toFixed(1)}s)`);
  if (result.pending > 0) console.log(`  ${result.pending} pending`);
  if (result.failures > 0) console.log(`  ${result.failures} failing`);
  const failed = result.tests.filter((test) => test.state === 'failed');
  failed.forEach((test, index) => {
    console.log(`\n  ${index + 1}) ${test.title}:\n     ${(test.error ?? '').split('\n').join('\n     ')}`);
  });
  console.log('');
}
