import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { validateDocument } from '../../../server/src/service/validate';
import { locatePath } from '../../../server/src/service/json/locate';
import { SKELETONS, Skeleton, SkeletonTarget, documentIds, skeletonText } from '../../../server/src/service/features/skeletons';
import { expandSnippet } from '../../../server/src/service/features/snippetText';
import { makeDocument, sample } from './support';

/** Inserts expanded items at the end of a top-level array. */
function insertItems(text: string, target: Exclude<SkeletonTarget, 'document'>, items: string): string {
  const span = locatePath(text, [target])!.value;
  const close = span.offset + span.length - 1;
  const empty = text.slice(span.offset + 1, close).trim() === '';
  return `${text.slice(0, close)}${empty ? '' : ','}\n${items}\n${text.slice(close)}`;
}

function problems(text: string): string[] {
  return validateDocument(makeDocument(text)).map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`);
}

function byId(id: string): Skeleton {
  return SKELETONS.find((s) => s.id === id)!;
}

describe('snippets', () => {
  it('covers every event kind, competitor, team, relay team and the competition, with ot- prefixes', () => {
    assert.deepEqual(SKELETONS.map((s) => `ot-${s.id}`).sort(), [
      'ot-combined', 'ot-competition', 'ot-competitor', 'ot-horizontal-jump', 'ot-relay', 'ot-relay-team', 'ot-relay-teams', 'ot-running', 'ot-team', 'ot-throw', 'ot-vertical-jump',
    ]);
    for (const skeleton of SKELETONS) {
      assert.ok(skeleton.description().length > 10);
      assert.ok(skeletonText(skeleton).split('\n').length > 1);
    }
    assert.match(skeletonText(byId('vertical-jump')), /"heights": \[/);
    assert.match(skeletonText(byId('combined')), /"parent": "\$\{1:C10\}"/);
  });

  for (const skeleton of SKELETONS) {
    it(`${skeleton.id}: inserted as it comes, it passes the validator`, () => {
      const expanded = expandSnippet(skeletonText(skeleton));
      let text: string;
      if (skeleton.target === 'document') {
        text = expanded;
      } else {
        text = sample('complete-meet.opentrack.json');
        for (const companion of skeleton.companions.map(byId)) text = insertItems(text, companion.target as Exclude<SkeletonTarget, 'document'>, expandSnippet(skeletonText(companion)));
        text = insertItems(text, skeleton.target, expanded);
      }
      assert.deepEqual(problems(text), []);
    });
  }

  it('every skeleton inserted in turn into the competition skeleton, with the ids completion picks, makes a valid meet', () => {
    let text = expandSnippet(skeletonText(byId('competition')));
    for (const skeleton of SKELETONS) {
      if (skeleton.target === 'document') continue;
      const ids = documentIds(makeDocument(text).model)();
      text = insertItems(text, skeleton.target, expandSnippet(skeletonText(skeleton, ids)));
    }
    assert.deepEqual(problems(text), []);
    const meet = JSON.parse(text) as { events: { event_id: string }[]; relay_teams: { relay_team_id: string }[] };
    assert.deepEqual(meet.events.map((e) => e.event_id), ['T10', 'F10', 'F11', 'F12', 'R10', 'C10', 'C11']);
    assert.deepEqual(meet.relay_teams.map((t) => t.relay_team_id), ['BEL-A', 'BEL-B', 'BEL-C']);
  });
});

describe('expandSnippet', () => {
  it('keeps defaults, takes the first choice, drops bare tabstops and unescapes', () => {
    assert.equal(expandSnippet('"${1:T01}" ${2|M,F|} [$0] ${3} x'), '"T01" M []  x');
    assert.equal(expandSnippet('${1:a\\}b\\$c}'), 'a}b$c');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expandSnippet('\\$1'), '$1');
  });
});
