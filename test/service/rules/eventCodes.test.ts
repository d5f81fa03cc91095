import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, hover } from '../../../server/src/service';
import { eventCodeInfo } from '../../../server/src/service/format/eventCodes';
import { diagnose, documentOf, mutate } from '../../helpers/service';
import { fullExample } from '../../helpers/repo';

type Doc = Record<string, any>;
const base = fullExample();
const URI = 'file:///meet.opentrack.json';

/** The OT702 diagnostic for the LJ event given `code`, with the fixes offered for it. */
function unknownCode(code: string, change: (doc: Doc) => void = () => {}): { message: string; fixes: [string, boolean][]; safe: boolean } | undefined {
  const doc = mutate(base, (d) => {
    d.events.find((e: Doc) => e.event_code === 'LJ').event_code = code;
    change(d);
  });
  const text = JSON.stringify(doc, null, 2);
  const diagnostics = diagnose(text);
  const target = diagnostics.find((d) => d.code === 'OT702');
  if (!target) return undefined;
  const document = TextDocument.create(URI, 'json', 1, text);
  const fixes = codeActions(document, [target], ['quickfix']).map((a): [string, boolean] => [a.title, a.isPreferred ?? false]);
  const fixAll = codeActions(document, [], ['source.fixAll'], diagnostics);
  return { message: target.message, fixes, safe: fixAll.length > 0 };
}

describe('event codes follow OpenTrack\'s code table', () => {
  test('codes of real disciplines are known', () => {
    for (const code of ['100', '10000', '110H', '3000SC', '20KW', '10K', '4.5K', '5MXC', 'MAR', 'HMW', 'MILE', '2MILE', '4x100', '4X400', '4xDMR', 'SP7.26K', 'JT800', 'WT25.4K', 'DEC', 'dec', '24HR', 'T12', 'H1']) {
      assert.ok(eventCodeInfo(code), code);
    }
  });

  test('a code that only matches the grammar, naming no real discipline, is unknown', () => {
    for (const code of ['99999K', '5000M', '1', '0', '999999', '9000H', '50SC', '99x100', '4x99999', '500HR', 'SP900K', 'T99999', '12345MILE']) {
      assert.equal(eventCodeInfo(code), undefined, code);
    }
  });

  test('Object.prototype names are unknown codes, and hover on them does not throw', () => {
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      assert.equal(eventCodeInfo(code), undefined, code);
      const doc = mutate(base, (d) => (d.events[2].event_code = code));
      const text = JSON.stringify(doc, null, 2);
      assert.ok(diagnose(text).some((d) => d.code === 'OT702'), `${code} is reported`);
      const at = text.indexOf(`"${code}"`) + 2;
      const document = documentOf(text, URI);
      assert.doesNotThrow(() => hover(document, document.textDocument.positionAt(at)), code);
    }
  });
});

describe('a suggestion for an unknown code names the discipline the organiser meant', () => {
  test('lower case: the same code in capitals, a safe and preferred fix', () => {
    const found = unknownCode('lj')!;
    assert.match(found.message, /Did you mean "LJ"\?/);
    assert.deepEqual(found.fixes, [['Change to "LJ"', true]]);
    assert.ok(found.safe, 'in Fix All');
  });

  test('a unit written after the distance: the same discipline, but a fix the user picks', () => {
    const doc = mutate(base, (d) => (d.events.find((e: Doc) => e.event_code === '100').event_code = '100m'));
    const text = JSON.stringify(doc, null, 2);
    const target = diagnose(text).find((d) => d.code === 'OT702')!;
    const [fix] = codeActions(TextDocument.create(URI, 'json', 1, text), [target], ['quickfix']);
    assert.deepEqual([fix?.title, fix?.isPreferred], ['Change to "100" — the same discipline in OpenTrack\'s notation', false]);
  });

  test('never a nearby spelling of another discipline', () => {
    const found = unknownCode('LJX', (d) => {
      for (const c of d.competitors) for (const e of c.events_entered ?? []) delete e.event_code;
    })!;
    assert.doesNotMatch(found.message, /Did you mean/);
    assert.deepEqual(found.fixes, []);
  });

  test('nothing when what was written and the event\'s data disagree: "hj" on an event with horizontal trials, entered as LJ', () => {
    const found = unknownCode('hj')!;
    assert.doesNotMatch(found.message, /Did you mean/);
    assert.deepEqual(found.fixes, []);
  });

  test('the code all the event\'s entries use, when the event\'s data agrees', () => {
    const found = unknownCode('LONG', (d) => {
      for (const c of d.competitors) for (const e of c.events_entered ?? []) if (e.event_id === 'H3') e.event_code = 'LJ';
    })!;
    assert.deepEqual(found.fixes, [['Change to "LJ" — the code its entries use', false]]);
    assert.equal(found.safe, false);
  });

  test('an unknown event code is reported at the event only, not at every entry that names it', () => {
    const doc = mutate(base, (d) => (d.events.find((e: Doc) => e.event_code === 'LJ').event_code = 'lj'));
    assert.deepEqual(diagnose(doc).map((d) => d.code), ['OT702']);
  });
});
