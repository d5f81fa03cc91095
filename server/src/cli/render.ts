import { readFileSync, writeFileSync } from 'node:fs';
import { asObject, buildModel, parseJson, renderPage } from '../service';

export const RENDER_USAGE = '  opentrack render FILE [-o|--output results.html]';

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** `opentrack render`: the competition as one self-contained HTML page, on stdout or into a file. */
export function runRender(args: string[], io: Io): number {
  let output: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-o' || arg === '--output') output = args[++i] ?? '';
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (arg.startsWith('-')) {
      io.stderr(`opentrack: unknown option ${arg}.\nUsage:\n${RENDER_USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length !== 1 || output === '') {
    io.stderr(`opentrack: render takes one FILE${output === '' ? ' and a name after -o' : ''}.\nUsage:\n${RENDER_USAGE}`);
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')}).`);
    return 2;
  }
  const parsed = parseJson(text);
  if (!asObject(parsed.value)) {
    io.stderr(`${file}: not a JSON object; run "opentrack validate ${file}" to see why.`);
    return 2;
  }
  // A BOM alone (OT006) does not make the data doubtful; any other syntax problem does.
  if (parsed.problems.some((problem) => problem.code !== 'OT006')) {
    io.stderr(`${file}: the JSON has syntax errors; the page shows what could be read. Run "opentrack validate ${file}" for details.`);
  }
  const page = renderPage(buildModel(parsed.value));
  if (output === undefined) io.stdout(page);
  else {
    try {
      writeFileSync(output, page);
    } catch (error) {
      io.stderr(`${output}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
      return 2;
    }
    io.stderr(`${output} written.`);
  }
  return 0;
}
