import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo';
import { VSCODE_KEYWORDS } from '../../server/src/service/schema/schemaValidator';

/** The published schema compiled by a strict ajv with only the formats and VS Code's annotation keywords added. */
export function compileStrict(): ValidateFunction {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const keyword of VSCODE_KEYWORDS) ajv.addKeyword(keyword);
  return ajv.compile(JSON.parse(readFileSync(join(repoRoot(), 'schemas', 'opentrack-competition.schema.json'), 'utf8')));
}
