/**
 * Cases for the rules that catch the mistakes organisers make most (issue #9): each makes one
 * mistake in OpenTrack's full example, names the exact text the diagnostic covers, and near
 * misses that must stay silent. Run by rules.test.ts with the other rules' cases.
 */
type Doc = Record<string, any>;

const event = (doc: Doc, code: string): Doc => doc.events.find((e: Doc) => e.event_code === code);
const unit = (doc: Doc, code: string, index = 0): Doc => event(doc, code).units[index];

export const MISTAKE_CASES: Array<{ code: string; positive: (doc: Doc) => void; at: string; negatives: Array<[string, (doc: Doc) => void]> }> = [
  {
    code: 'OT206',
    positive: (d) => (unit(d, 'LJ').trials[1].result = 'r'),
    at: '"5.60"',
    negatives: [
      ['retirement in the last attempt', (d) => (unit(d, 'LJ').trials[2].result = 'r')],
      ['a pass after the retirement', (d) => { unit(d, 'LJ').trials[1].result = 'r'; unit(d, 'LJ').trials[2].result = '-'; }],
      ['a last-attempt retirement listed first (attempt numbers give the order)', (d) => { unit(d, 'LJ').trials[2].result = 'r'; unit(d, 'LJ').trials.reverse(); }],
    ],
  },
  {
    code: 'OT207',
    positive: (d) => (unit(d, 'JT').results[0].performance = 'NM'),
    at: '"NM"',
    negatives: [
      ['NM after fouls only', (d) => { unit(d, 'LJ').trials[3].result = 'x'; unit(d, 'LJ').trials[4].result = 'x'; unit(d, 'LJ').results[1].performance = 'NM'; delete unit(d, 'LJ').results[1].place; }],
      ['DQ after valid marks', (d) => { unit(d, 'JT').results[0].performance = 'DQ'; delete unit(d, 'JT').results[0].place; }],
    ],
  },
  {
    code: 'OT208',
    positive: (d) => { unit(d, 'LJ').trials[3].result = 'x'; unit(d, 'LJ').trials[4].result = 'x'; },
    at: '"5.72"',
    negatives: [
      ['one valid mark left', (d) => (unit(d, 'LJ').trials[3].result = 'x')],
      ['vertical: passes, then one cleared height', (d) => { unit(d, 'PV').trials[0].result = '-'; unit(d, 'PV').trials[2].result = '-'; }],
    ],
  },
  {
    code: 'OT305',
    positive: (d) => (unit(d, 'PV').heights = ['3.10', '3.40', '3.25', '3.55', '3.70']),
    at: '"3.25"',
    negatives: [
      ['a jump-off re-uses the last height, then lowers the bar', (d) => unit(d, 'PV').heights.push('3.70', '3.65')],
      ['a jump-off at a height already listed', (d) => unit(d, 'PV').heights.push('3.55')],
    ],
  },
  {
    code: 'OT404',
    positive: (d) => (unit(d, '100').results[0].performance = '9.07'),
    at: '"9.07"',
    negatives: [
      ['the world record itself', (d) => (unit(d, '100').results[0].performance = '9.58')],
      ['a plain javelin close to the record', (d) => { unit(d, 'JT').trials[0].result = '98.10'; unit(d, 'JT').results[0].performance = '98.10'; unit(d, 'JT').results[0].place = 1; unit(d, 'JT').results[1].place = 2; }],
      ['an unknown discipline is not checked', (d) => { unit(d, '100').results[0].performance = '9.07'; event(d, '100').event_code = '150'; }],
    ],
  },
  {
    code: 'OT405',
    positive: (d) => (unit(d, '100').results[0].performance = 'DNF'),
    at: '1',
    negatives: [
      ['a DNF without a place', (d) => { unit(d, '100').results[0].performance = 'DNF'; delete unit(d, '100').results[0].place; }],
      ['NM for an athlete with valid marks is OT207', (d) => (unit(d, 'JT').results[0].performance = 'NM')],
    ],
  },
  {
    code: 'OT406',
    positive: (d) => {
      unit(d, 'JT').trials[0].result = '47.04';
      Object.assign(unit(d, 'JT').results[0], { performance: '47.04', place: 1 });
      unit(d, 'JT').results[2].place = 2;
    },
    at: '2',
    negatives: [
      ['1, 1, 3', (d) => { unit(d, 'JT').trials[0].result = '47.04'; Object.assign(unit(d, 'JT').results[0], { performance: '47.04', place: 1 }); }],
      ['a gap after a missing result', (d) => (unit(d, '100', 2).results[2].place = 5)],
    ],
  },
  {
    code: 'OT507',
    positive: (d) => unit(d, '100').results.push({ bib: '3', performance: '10.50', place: 3 }),
    at: '"3"',
    negatives: [['the same athlete in another heat and the final', (d) => unit(d, '100', 1).results.push(...unit(d, '100', 0).results.splice(1, 1))]],
  },
  {
    code: 'OT508',
    positive: (d) => (d.relay_teams[1].runners = ['3', '1']),
    at: '"1"',
    negatives: [['a runner in a team of another event', (d) => d.relay_teams.push({ event_id: '28', name: 'Other', relay_team_id: 'THH', runners: ['1'], team_id: 'THH' })]],
  },
  {
    code: 'OT509',
    positive: (d) => (unit(d, '4x200').results[1].lane = 1),
    at: '1',
    negatives: [
      ['the same lane in two heats', (d) => { unit(d, '100', 0).results[0].lane = 1; unit(d, '100', 1).results[0].lane = 1; }],
      ['two to a lane in an 800 m', (d) => { unit(d, '100').results[0].lane = 1; unit(d, '100').results[1].lane = 1; event(d, '100').event_code = '800'; }],
    ],
  },
  {
    code: 'OT609',
    positive: (d) => (d.competitors[0].gender = 'F'),
    at: '"F"',
    negatives: [
      ['X ("rather not specify") in a men\'s event', (d) => (d.competitors[0].gender = 'X')],
      ['F in events for MF', (d) => { d.competitors[3].gender = 'F'; event(d, '4x200').genders = 'MF'; }],
    ],
  },
  {
    code: 'OT610',
    positive: (d) => unit(d, '100', 2).results.push({ bib: '4', performance: '10.90', place: 4 }),
    at: '"4"',
    negatives: [['an event outside the combined event', (d) => unit(d, 'LJ').results.push({ bib: '4', performance: 'DNS' })]],
  },
  {
    code: 'OT611',
    positive: (d) => (unit(d, '4x200').distance = 400),
    at: '400',
    negatives: [['4x400 over 1600 m', (d) => { unit(d, '4x200').distance = 1600; event(d, '4x200').event_code = '4x400'; }]],
  },
  {
    code: 'OT705',
    positive: (d) => (d.competitors[0].date_of_birth = '2021-03-21'),
    at: '"2021-03-21"',
    negatives: [
      ['a ten-year-old', (d) => (d.competitors[0].date_of_birth = '2010-03-21')],
      ['a centenarian', (d) => (d.competitors[0].date_of_birth = '1915-08-10')],
    ],
  },
  {
    code: 'OT706',
    positive: (d) => (event(d, 'LJ').event_id = 'h3'),
    at: '"h3"',
    negatives: [['capitals and digits', (d) => (event(d, 'LJ').event_id = 'H4')]],
  },
  {
    code: 'OT707',
    positive: (d) => (unit(d, 'LJ').day = 7),
    at: '7',
    negatives: [['the last day of the meeting', (d) => (unit(d, 'LJ').day = 6)]],
  },
];
