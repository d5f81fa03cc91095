import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendErrorsInPlace, compileValidators } from '../../server/src/service/schema/schemaValidator';

const COPY = /vErrors\.concat\(/;

/**
 * Ajv gathers the errors of a referenced schema with `vErrors.concat(…)`, a copy per call that is
 * quadratic in the invalid items; the validator patches the generated code to append in place. An
 * ajv upgrade that changes that code must not silently bring the copies back: every code ajv
 * generates for our schema is checked after the patch.
 */
test("ajv's generated code appends the errors of referenced schemas in place, never copies them", () => {
  const generated: string[] = [];
  const patched: string[] = [];
  compileValidators((code) => {
    generated.push(code);
    const result = appendErrorsInPlace(code);
    patched.push(result);
    return result;
  });
  assert.ok(generated.some((code) => COPY.test(code)), 'ajv no longer generates vErrors.concat: the patch in schemaValidator.ts can go');
  const copying = patched.filter((code) => COPY.test(code) || /\.concat\(/.test(code));
  assert.deepEqual(copying.map((code) => code.match(/.{60}\.concat\(.{30}/)?.[0]), [], 'the patch no longer matches the code ajv generates');
});
