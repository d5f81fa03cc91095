import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompetitionDocument, parseJson, validateDocument } from '../../server/src/service';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnose } from '../helpers/service';
import { generateCompetition, serialise } from './generate';

function generatedText(competitors: number, seed = 1): string {
  return serialise(generateCompetition({ competitors, seed }));
}

function diagnosticsOf(text: string): string[] {
  const document = new CompetitionDocument(TextDocument.create('file:///bench/generated.opentrack.json', 'json', 1, text), parseJson(text));
  return validateDocument(document).map((d) => `${String(d.code)} line ${d.range.start.line + 1}: ${d.message}`);
}

interface Shape {
  codes: Set<string>;
  roundCounts: Set<number>;
  children: number;
}

function shapeOf(competition: Record<string, unknown>): Shape {
  const events = competition.events as Array<Record<string, unknown>>;
  return {
    codes: new Set(events.map((e) => String(e.event_code))),
    roundCounts: new Set(events.map((e) => String(e.rounds).split(',').length)),
    children: events.filter((e) => e.parent === 'C01').length,
  };
}

test('a generated meet of 200 competitors has no diagnostics', () => {
  assert.deepEqual(diagnosticsOf(generatedText(200)).slice(0, 10), []);
});

test('a generated meet has every kind of event: races, relays, jumps, throws and a decathlon with ten children', () => {
  const shape = shapeOf(generateCompetition({ competitors: 200, seed: 1 }));
  for (const code of ['100', '1500', '110H', '4x100', '4x400', 'LJ', 'TJ', 'HJ', 'PV', 'SP', 'JT', 'DEC']) assert.ok(shape.codes.has(code), `missing ${code}`);
  assert.equal(shape.children, 10);
});

test('a large meet has heats, semi-finals and finals ("N,M,1") and still no diagnostics', () => {
  const competition = generateCompetition({ competitors: 1500, seed: 7 });
  assert.ok(shapeOf(competition).roundCounts.has(3));
  assert.deepEqual(diagnosticsOf(serialise(competition)).slice(0, 10), []);
});

test('generation is deterministic: same seed, same text; another seed, another meet', () => {
  assert.equal(generatedText(150, 42), generatedText(150, 42));
  assert.notEqual(generatedText(150, 42), generatedText(150, 43));
});

test('the size grows roughly linearly with the number of competitors', () => {
  const bytesPerCompetitor = [500, 1000, 2000].map((n) => Buffer.byteLength(generatedText(n)) / n);
  const [smallest, largest] = [Math.min(...bytesPerCompetitor), Math.max(...bytesPerCompetitor)];
  assert.ok(largest / smallest < 1.15, `bytes per competitor vary too much: ${bytesPerCompetitor.map((b) => b.toFixed(0)).join(', ')}`);
});

test('generated meets over many seeds have no error and no warning: no mark beyond the world record (OT404)', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const findings = diagnose(generatedText(300, seed)).filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
    assert.deepEqual(findings.slice(0, 5).map((d) => `${String(d.code)}: ${d.message}`), [], `seed ${seed}`);
  }
});
