import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHEAP_VALIDATION_MS, PUSH_DELAY_MS, PushScheduler, SETTLE_TURNS, nextTurn } from '../../server/src/lsp/validationScheduling';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
afterEach(() => mock.timers.reset());

/** Enough event-loop turns for a cheap validation to have run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < SETTLE_TURNS + 4; turn++) await nextTurn();
}

/** A clock that each validation moves on by `cost` ms, and `pause` by the time the user pauses. */
function scheduler(cost: number): { scheduler: PushScheduler; runs: string[]; work: (name: string) => () => Promise<void>; pause: (ms: number) => void } {
  let clock = 0;
  const runs: string[] = [];
  const work = (name: string) => async () => {
    runs.push(name);
    clock += cost;
  };
  return { scheduler: new PushScheduler(() => clock), runs, work, pause: (ms) => void (clock += ms) };
}

test('a document that validates quickly is validated as soon as the edits queued with the change are read, without a delay', async () => {
  const { scheduler: pushes, runs, work } = scheduler(5);
  pushes.schedule('a', work('a1'));
  await settle();
  assert.deepEqual(runs, ['a1'], 'ran with no timer advanced');
  // Edits in one burst: only the last version is validated.
  pushes.schedule('a', work('a2'));
  pushes.schedule('a', work('a3'));
  pushes.schedule('b', work('b1'));
  await settle();
  assert.deepEqual(runs, ['a1', 'a3', 'b1']);
});

test('after a slow validation, the next waits as long as it took (at most PUSH_DELAY_MS) and validates the version current then, however the user types on', async () => {
  const { scheduler: pushes, runs, work } = scheduler(400);
  pushes.schedule('a', work('a1'));
  await settle();
  assert.deepEqual(runs, ['a1']);
  // Typing on, a keystroke every 50 ms: one validation per wait, of the last version.
  for (let key = 2; key <= 9; key++) {
    pushes.schedule('a', work(`a${key}`));
    await settle();
    mock.timers.tick(50);
    await settle();
  }
  assert.deepEqual(runs, ['a1', 'a5', 'a9']);
  // Closing the document forgets its cost and what was scheduled.
  pushes.schedule('a', work('a10'));
  pushes.forget('a');
  mock.timers.tick(PUSH_DELAY_MS);
  await settle();
  assert.deepEqual(runs, ['a1', 'a5', 'a9']);
  pushes.schedule('a', work('a11'));
  await settle();
  assert.deepEqual(runs, ['a1', 'a5', 'a9', 'a11'], 'reopened: validated at once');
});

test('a validation a little over the cheap limit waits only as long as it took', async () => {
  const { scheduler: pushes, runs, work } = scheduler(CHEAP_VALIDATION_MS + 10);
  pushes.schedule('a', work('a1'));
  await settle();
  pushes.schedule('a', work('a2'));
  mock.timers.tick(CHEAP_VALIDATION_MS + 9);
  await settle();
  assert.deepEqual(runs, ['a1']);
  mock.timers.tick(1);
  await settle();
  assert.deepEqual(runs, ['a1', 'a2']);
});

test('after a pause at least as long as the last, slow, validation, an edit is validated at once; right after it, the edit waits', async () => {
  const { scheduler: pushes, runs, work, pause } = scheduler(400);
  pushes.schedule('a', work('a1'));
  await settle();
  pause(PUSH_DELAY_MS);
  pushes.schedule('a', work('a2'));
  await settle();
  assert.deepEqual(runs, ['a1', 'a2'], 'no timer advanced');
  pushes.schedule('a', work('a3'));
  await settle();
  assert.deepEqual(runs, ['a1', 'a2'], 'just after a2: waits');
  mock.timers.tick(PUSH_DELAY_MS);
  await settle();
  assert.deepEqual(runs, ['a1', 'a2', 'a3']);
  // A shorter pause shortens the wait by as much.
  pause(150);
  pushes.schedule('a', work('a4'));
  mock.timers.tick(PUSH_DELAY_MS - 151);
  await settle();
  assert.deepEqual(runs, ['a1', 'a2', 'a3']);
  mock.timers.tick(1);
  await settle();
  assert.deepEqual(runs, ['a1', 'a2', 'a3', 'a4']);
});
