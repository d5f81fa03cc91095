// A node --test reporter for people: one dot line of progress, each failure with its assertion and
// place, then the counts. `npm test` writes the full TAP report to out/test-report.tap beside it.
import { relative } from 'node:path';

function describeError(error) {
  const cause = error?.failureType === 'testCodeFailure' || error?.code === 'ERR_TEST_FAILURE' ? (error.cause ?? error) : error;
  const text = cause instanceof Error ? cause.message : String(cause);
  const lines = text.split('\n');
  return (lines.length > 20 ? [...lines.slice(0, 20), `… (${lines.length - 20} more lines in out/test-report.tap)`] : lines).map((line) => `    ${line}`).join('\n');
}

export default async function* summaryReporter(source) {
  const failures = [];
  let passed = 0;
  let skipped = 0;
  let dots = 0;
  const started = Date.now();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') continue;
    if (event.type === 'test:fail' && data.details?.error?.failureType === 'subtestsFailed') continue;
    if (event.type === 'test:pass') {
      if (data.skip || data.todo) skipped++;
      else passed++;
    } else {
      const where = data.file ? `${relative(process.cwd(), data.file)}${data.line ? `:${data.line}` : ''}` : '';
      failures.push(`✖ ${data.name}${where ? `  (${where})` : ''}\n${describeError(data.details?.error)}`);
    }
    if (++dots % 100 === 0) yield '.\n';
    else yield '.';
  }
  yield '\n';
  for (const failure of failures) yield `\n${failure}\n`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  yield `\n# pass ${passed}\n# fail ${failures.length}\n`;
  yield `${passed} passed, ${failures.length} failed${skipped ? `, ${skipped} skipped` : ''} (${seconds} s; full report: out/test-report.tap)\n`;
}
