import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { CompetitionDocument, documentSymbols } from '../../../server/src/service';
import { MAX_LISTED_ITEMS, MAX_OUTLINE_SYMBOLS } from '../../../server/src/service/features/symbols';
import { generateCompetition, serialise } from '../../bench/generate';
import { MEET, makeDocument, replaceIn } from './support';

function contains(outer: Range, inner: Range): boolean {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every symbol's selection lies in its range and every child in its parent (editors require it). */
function assertNested(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name.trim() !== '', 'empty symbol name');
    assert.ok(contains(symbol.range, symbol.selectionRange), `selection outside range: ${symbol.name}`);
    if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name} outside ${parent.name}`);
    assertNested(symbol.children ?? [], symbol);
  }
}

function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

const text = (document: CompetitionDocument, range: Range): string => document.textDocument.getText(range);

describe('document symbols', () => {
  it('outlines the competition, its events with their units, competitors, teams and relay teams', () => {
    const document = makeDocument(MEET);
    const symbols = documentSymbols(document);
    assert.deepEqual(outline(symbols), [
      'Test Meet (2025-06-14)',
      '  events (5 events)',
      '    100 metres MEN · 100 (1)',
      '      Round 1 · Heat 1 · 2 results',
      '      Round 1 · Heat 2 · 1 result',
      '    High Jump MEN · HJ (F1)',
      '      Round 1 · Heat 1 · 2 results',
      '    4x100 metres Relay MEN · 4x100 (R1)',
      '      Round 1 · Heat 1 · 2 results',
      '    Decathlon MEN · DEC (D1)',
      '    Decathlon 110 metres hurdles · 110H (D2 · part of D1)',
      '      Round 1 · Heat 1 · 2 results',
      '  competitors (4 competitors)',
      '    1 · Andrew Robinson (HAV)',
      '    2 · Ben Stone (HAV)',
      '    3 · Carl Ude (RVR)',
      '    4 · Dan Vale (RVR)',
      '  teams (2 teams)',
      '    HAV · Havenfield Harriers',
      '    RVR · Riverside AC',
      '  relay_teams (1 relay team)',
      '    HAV-A · Havenfield A (R1)',
    ]);
    assertNested(symbols);
  });

  it('ranges cover the objects; selections are the names and ids', () => {
    const document = makeDocument(MEET);
    const [competition] = documentSymbols(document);
    assert.equal(text(document, competition!.range), MEET);
    assert.equal(text(document, competition!.selectionRange), '"Test Meet"');
    assert.equal(competition!.kind, SymbolKind.Module);
    const events = competition!.children![0]!;
    assert.match(text(document, events.range), /^"events": \[[\s\S]*\]$/);
    assert.equal(text(document, events.selectionRange), '"events"');
    const event = events.children![0]!;
    assert.equal(event.kind, SymbolKind.Event);
    assert.match(text(document, event.range), /^\{[\s\S]*"event_id": "1"[\s\S]*\}$/);
    assert.equal(text(document, event.selectionRange), '"100 metres MEN"');
    assert.equal(text(document, event.children![1]!.selectionRange), '2');
    const competitor = competition!.children![1]!.children![0]!;
    assert.equal(text(document, competitor.selectionRange), '"1"');
  });

  it('outlines broken documents and unnamed items', () => {
    const broken = replaceIn(replaceIn(MEET, '"name": "High Jump MEN",', ''), '"team_name": "Riverside AC"', '"team_name": "Riverside AC",');
    const document = makeDocument(`// meet\n${broken}`);
    const symbols = documentSymbols(document);
    assertNested(symbols);
    const names = outline(symbols);
    assert.ok(names.includes('    High jump · HJ (F1)'), names.join('\n'));
    assert.ok(names.includes('    RVR · Riverside AC'));
    assert.deepEqual(outline(documentSymbols(makeDocument('{"events": [{}]}'))), ['Competition', '  events (1 event)', '    event · ?']);
  });

  it('gives nothing for a document that is not an object', () => {
    assert.deepEqual(documentSymbols(makeDocument('[1, 2]')), []);
    assert.deepEqual(documentSymbols(makeDocument('')), []);
  });

  it('outlines a 5 MB meet in one scan (time reported, not asserted)', (t) => {
    const big = serialise(generateCompetition({ competitors: 4550, seed: 1 }));
    const document = makeDocument(big);
    const modelStart = performance.now();
    void document.model;
    const modelMs = performance.now() - modelStart;
    const runs: number[] = [];
    let symbols: DocumentSymbol[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      symbols = documentSymbols(document);
      runs.push(performance.now() - start);
    }
    const count = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
    runs.sort((a, b) => a - b);
    t.diagnostic(`outline of ${(big.length / 1048576).toFixed(2)} MiB, ${count(symbols)} symbols: first ${runs.join(', ')} → median ${runs[2]!.toFixed(1)} ms (model built once beforehand: ${modelMs.toFixed(1)} ms)`);
    assertNested(symbols);
    assert.equal(symbols[0]!.children![1]!.children!.length, 4550);
  });

  it('lists at most MAX_LISTED_ITEMS items per list, then one entry that spans the rest', () => {
    const items = MAX_LISTED_ITEMS + 1234;
    const document = makeDocument(`{"full_name":"x","competitors":[${Array(items).fill('{}').join(',')}]}`);
    const symbols = documentSymbols(document);
    assertNested(symbols);
    const competitors = symbols[0]!.children![0]!;
    assert.equal(competitors.detail, `${items} competitors`);
    assert.equal(competitors.children!.length, MAX_LISTED_ITEMS + 1);
    const more = competitors.children![MAX_LISTED_ITEMS]!;
    assert.equal(more.name, '… and 1234 more');
    assert.equal(text(document, more.range), Array(1234).fill('{}').join(','));
  });

  it('keeps the whole outline within MAX_OUTLINE_SYMBOLS', () => {
    const units = Array(3000).fill('{}').join(',');
    const events = Array(4).fill(`{"event_code":"100","units":[${units}]}`).join(',');
    const symbols = documentSymbols(makeDocument(`{"events":[${events}]}`));
    assertNested(symbols);
    const count = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
    assert.ok(count(symbols) <= MAX_OUTLINE_SYMBOLS + 10, `${count(symbols)} symbols`);
    const last = symbols[0]!.children![0]!.children![3]!;
    assert.match(last.children!.at(-1)!.name, /^… and \d+ more$/);
  });
});
