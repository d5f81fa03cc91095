import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, mutate, textAt } from '../../helpers/service';
import { fullExample } from '../../helpers/repo';
import { allRules } from '../../../server/src/service';
import { MISTAKE_CASES } from './mistakes.cases';

type Doc = Record<string, any>;
interface Case {
  code: string;
  /** Makes the defect. */
  positive: (doc: Doc) => void;
  /** The text the diagnostic must cover. */
  at: string;
  /** Near misses that must NOT be reported. */
  negatives: Array<[string, (doc: Doc) => void]>;
}

const base = fullExample();
const event = (doc: Doc, code: string): Doc => doc.events.find((e: Doc) => e.event_code === code);

const CASES: Case[] = [
  {
    code: 'OT101',
    positive: (d) => (event(d, '100').rounds = '2;1'),
    at: '"2;1"',
    negatives: [['three rounds "8,3,1"', (d) => (event(d, '100').rounds = '8,3,1')]],
  },
  {
    code: 'OT102',
    positive: (d) => (event(d, '100').units[2].round = 3),
    at: '3',
    negatives: [['units for fewer heats than declared', (d) => (event(d, '100').rounds = '3,1')]],
  },
  {
    code: 'OT103',
    positive: (d) => (event(d, '100').units[1].heat = 3),
    at: '3',
    negatives: [['heat within the round', (d) => (event(d, '100').rounds = '3,1')]],
  },
  {
    code: 'OT104',
    positive: (d) => (event(d, '100').units[1].heat = 1),
    at: '1',
    negatives: [['same heat number in another round', (d) => { const e = event(d, '100'); e.rounds = '2,2'; e.units.push({ round: 2, heat: 2, results: [] }); }]],
  },
  {
    code: 'OT105',
    positive: (d) => (event(d, '100').rounds = '2,1,1,1,1'),
    at: '"2,1,1,1,1"',
    negatives: [['four rounds', (d) => (event(d, '100').rounds = '2,1,1,1')]],
  },
  {
    code: 'OT201',
    positive: (d) => event(d, 'LJ').units[0].trials.push({ bib: '3', result: '5.00', round: 1 }),
    at: '"3"',
    negatives: [['a new athlete with a result and trials', (d) => { const u = event(d, 'LJ').units[0]; u.results.push({ bib: '3', performance: '5.00', place: 3 }); u.trials.push({ bib: '3', result: '5.00', round: 1 }); }]],
  },
  {
    code: 'OT202',
    positive: (d) => event(d, 'LJ').units[0].results.push({ bib: '3', performance: '5.10', place: 3 }),
    at: '"3"',
    negatives: [['a status without trials', (d) => event(d, 'LJ').units[0].results.push({ bib: '3', performance: 'DNS' })]],
  },
  {
    code: 'OT203',
    positive: (d) => (event(d, 'JT').units[0].results[0].performance = '46.32'),
    at: '"46.32"',
    negatives: [
      ['performance equal to best with other decimals', (d) => { event(d, 'LJ').units[0].trials[0].result = '5.70'; event(d, 'LJ').units[0].results[0].performance = '5.7'; }],
      ['vertical: highest cleared height, cleared at the third attempt', (d) => { const u = event(d, 'PV').units[0]; u.trials[10].result = 'o'; u.results[0].performance = '3.55'; }],
    ],
  },
  {
    code: 'OT204',
    positive: (d) => (event(d, 'LJ').units[0].trials[2].round = 4),
    at: '4',
    negatives: [['a fourth attempt in a unit of four', (d) => { const u = event(d, 'LJ').units[0]; u.rounds = 4; u.trials.push({ bib: '1', result: 'x', round: 4 }); }]],
  },
  {
    code: 'OT205',
    positive: (d) => (event(d, 'LJ').units[0].trials[1].round = 1),
    at: '1',
    negatives: [['same attempt number for another athlete', (d) => { const u = event(d, 'LJ').units[0]; u.results.push({ bib: '3', performance: '5.00', place: 3 }); u.trials.push({ bib: '3', result: '5.00', round: 1 }); }]],
  },
  {
    code: 'OT301',
    positive: (d) => delete event(d, 'PV').units[0].heights,
    at: '"trials"',
    negatives: [['a vertical unit without trials needs no heights', (d) => { const u = event(d, 'PV').units[0]; delete u.heights; delete u.trials; }]],
  },
  {
    code: 'OT302',
    positive: (d) => (event(d, 'PV').units[0].trials[2].height = '3.20'),
    at: '"3.20"',
    negatives: [['height listed with the same value', (d) => (event(d, 'PV').units[0].trials[0].height = '3.1')]],
  },
  {
    code: 'OT303',
    positive: (d) => event(d, 'PV').units[0].trials.splice(12, 0, { bib: '3', height: '3.55', result: 'x' }),
    at: '"3.55"',
    negatives: [['next height after a clearance', (d) => { const u = event(d, 'PV').units[0]; u.trials[10].result = 'o'; u.trials.push({ bib: '1', height: '3.70', result: 'x' }); }]],
  },
  {
    code: 'OT304',
    positive: (d) => event(d, 'PV').units[0].trials.splice(11, 0, { bib: '1', height: '3.70', result: 'x' }),
    at: '"x"',
    negatives: [['failures separated by a clearance', (d) => event(d, 'PV').units[0].trials.splice(2, 0, { bib: '1', height: '3.25', result: 'x' }, { bib: '1', height: '3.25', result: 'x' })]],
  },
  {
    code: 'OT401',
    positive: (d) => (event(d, '100').units[0].results[0].performance = '10,37'),
    at: '"10,37"',
    negatives: [
      ['hours and minutes', (d) => (event(d, '100').units[0].results[0].performance = '2:02:57.3')],
      ['a status', (d) => (event(d, '100').units[0].results[0].performance = 'DNF')],
    ],
  },
  {
    code: 'OT402',
    positive: (d) => (event(d, '100').units[0].results[1].performance = 'DSQ'),
    at: '"DSQ"',
    negatives: [['known status', (d) => (event(d, '100').units[0].results[1].performance = 'DQ')]],
  },
  {
    code: 'OT403',
    positive: (d) => (event(d, '100').units[2].results[2].place = 1),
    at: '1',
    negatives: [
      ['ties share a place', (d) => { const r = event(d, '100').units[2].results; r[1].performance = '10.07'; r[1].place = 1; }],
      ['equal times split by photo finish', (d) => (event(d, '100').units[2].results[1].performance = '10.07')],
    ],
  },
  {
    code: 'OT501',
    positive: (d) => (event(d, 'LJ').event_id = 'F3'),
    at: '"F3"',
    negatives: [['a new event with a distinct id', (d) => d.events.push({ event_id: 'F4', event_code: 'SP', name: 'Shot', rounds: '1' })]],
  },
  {
    code: 'OT502',
    positive: (d) => (d.competitors[3].competitor_id = '1'),
    at: '"1"',
    negatives: [['a new competitor with a distinct bib', (d) => d.competitors.push({ ...d.competitors[3], competitor_id: '5' })]],
  },
  {
    code: 'OT503',
    positive: (d) => (d.teams[1].team_id = 'BEL'),
    at: '"BEL"',
    negatives: [['a new team with a distinct id', (d) => d.teams.push({ ...d.teams[1], team_id: 'THH2' })]],
  },
  {
    code: 'OT504',
    positive: (d) => (d.relay_teams[1].relay_team_id = 'THH'),
    at: '"THH"',
    negatives: [['same relay team id in another event', (d) => { d.relay_teams[1].relay_team_id = 'THH'; d.relay_teams[1].event_id = '28'; d.events.push({ event_id: '28', event_code: '4x100', name: 'Relay 2', rounds: '1' }); }]],
  },
  {
    code: 'OT505',
    positive: (d) => (event(d, '100').units[0].results[1].bib = '1'),
    at: '"1"',
    negatives: [['same bib in another unit of the round', (d) => event(d, '100').units[0].results.push({ bib: '3', performance: '10.50', place: 3 })]],
  },
  {
    code: 'OT506',
    positive: (d) => d.events.push({ event_id: 'X1', event_code: 'LJ', category: 'M_ALL', name: 'LJ again', rounds: '1' }),
    at: '"M_ALL"',
    negatives: [['same code, other category', (d) => d.events.push({ event_id: 'X1', event_code: 'LJ', category: 'W_ALL', name: 'LJ W', rounds: '1' })]],
  },
  {
    code: 'OT601',
    positive: (d) => (event(d, '100').units[0].results[1].bib = '77'),
    at: '"77"',
    negatives: [['a file without competitors', (d) => { delete d.competitors; event(d, '100').units[0].results[1].bib = '77'; }]],
  },
  {
    code: 'OT601',
    // One cause, one diagnostic: a missing competitor used by several results is reported once.
    positive: (d) => { delete d.competitors[3]; d.competitors = d.competitors.filter(Boolean); d.competitors.splice(2, 1); },
    at: '"3"',
    negatives: [],
  },
  {
    code: 'OT602',
    positive: (d) => (event(d, '4x200').units[0].results[1].bib = 'XYZ'),
    at: '"XYZ"',
    negatives: [['a relay bib that is a team_id', (d) => { d.relay_teams[1].relay_team_id = 'BEL-A'; }]],
  },
  {
    code: 'OT603',
    positive: (d) => (d.competitors[0].events_entered[0].event_id = '004'),
    at: '"004"',
    negatives: [['a new entry for an existing event', (d) => d.competitors[3].events_entered.push({ event_code: '100', event_id: '003' })]],
  },
  {
    code: 'OT604',
    positive: (d) => (d.competitors[0].events_entered[1].event_code = 'JT'),
    at: '"JT"',
    negatives: [['entry without a code', (d) => delete d.competitors[0].events_entered[1].event_code]],
  },
  {
    code: 'OT605',
    positive: (d) => (d.relay_teams[0].event_id = '003'),
    at: '"003"',
    negatives: [['another relay event', (d) => { d.events.push({ event_id: '28', event_code: '4x100', name: 'Relay 2', rounds: '1' }); d.relay_teams[0].event_id = '28'; }]],
  },
  {
    code: 'OT606',
    positive: (d) => (d.relay_teams[0].runners[1] = '99'),
    at: '"99"',
    negatives: [['no competitors listed', (d) => { delete d.competitors; d.relay_teams[0].runners[1] = '99'; }]],
  },
  {
    code: 'OT607',
    positive: (d) => (d.competitors[0].team_id = 'XXX'),
    at: '"XXX"',
    negatives: [['no teams listed', (d) => { delete d.teams; d.competitors[0].team_id = 'XXX'; }]],
  },
  {
    code: 'OT608',
    positive: (d) => (event(d, 'JT').parent = 'H3'),
    at: '"H3"',
    negatives: [['empty parent', (d) => (event(d, 'JT').parent = '')]],
  },
  {
    code: 'OT701',
    positive: (d) => (d.finish_date = '2020-08-01'),
    at: '"2020-08-01"',
    negatives: [['one-day meet', (d) => (d.finish_date = d.date)]],
  },
  {
    code: 'OT702',
    positive: (d) => (event(d, 'LJ').event_code = 'LJX'),
    at: '"LJX"',
    negatives: [['weighted throw code', (d) => (event(d, 'JT').event_code = 'JT800')]],
  },
  {
    code: 'OT703',
    positive: (d) => (d.competitors[0].frist_name = 'Andrew'),
    at: '"frist_name"',
    negatives: [['$schema is allowed', (d) => (d.$schema = 'https://opentrack-tools.dev/schemas/opentrack-competition.schema.json')]],
  },
  {
    code: 'OT704',
    positive: (d) => (d.year = '2021'),
    at: '"2021"',
    negatives: [['matching year', (d) => (d.year = '2020')]],
  },
  ...MISTAKE_CASES,
];

describe('semantic rules', () => {
  test('OpenTrack full example has no diagnostics at all', () => {
    assert.deepEqual(diagnose(base), []);
  });

  test('every rule in the registry has a case here', () => {
    const semantic = allRules().filter((r) => /^OT[1-7]\d\d$/.test(r.code)).map((r) => r.code);
    assert.deepEqual(semantic.filter((code) => !CASES.some((c) => c.code === code)), []);
  });

  for (const c of CASES) {
    describe(c.code, () => {
      test(`reports the defect on ${c.at}`, () => {
        const doc = mutate(base, c.positive);
        const text = JSON.stringify(doc, null, 2);
        const found = diagnose(text).filter((d) => d.code === c.code);
        assert.equal(found.length, 1, `expected one ${c.code}, got ${JSON.stringify(diagnose(text).map((d) => [d.code, d.message]))}`);
        assert.equal(textAt(text, found[0]!), c.at);
        assert.equal(found[0]!.source, 'opentrack');
      });
      for (const [name, change] of c.negatives) {
        test(`not reported: ${name}`, () => {
          const nearMiss = mutate(base, change);
          assert.notDeepEqual(nearMiss, base, 'the near miss must change the example, or it repeats the clean-example test');
          const found = diagnose(nearMiss).filter((d) => d.code === c.code);
          assert.deepEqual(found.map((d) => d.message), []);
        });
      }
    });
  }
});
