import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drfFieldErrors, drfListFieldErrors, fastApiFieldErrors } from '../../server/src/upload/errors';
import { competitionPayload, eventPostingOrder, itemKeyToDocument } from '../../server/src/upload/restPayloads';
import { restWebUrl, v1WebUrl } from '../../server/src/upload/webUrl';

describe('FastAPI error bodies', () => {
  test('loc drops the leading "body" and keeps indexes as numbers', () => {
    const body = { detail: [{ loc: ['body', 'events', 0, 'rounds'], msg: 'bad rounds', type: 'value_error' }] };
    assert.deepEqual(fastApiFieldErrors(body), [{ path: ['events', 0, 'rounds'], message: 'bad rounds' }]);
  });

  test('a detail string and non-body locations concern the whole document', () => {
    assert.deepEqual(fastApiFieldErrors({ detail: 'Slug taken' }), [{ path: [], message: 'Slug taken' }]);
    assert.deepEqual(fastApiFieldErrors({ detail: [{ loc: ['query', 'x'], msg: 'm' }] }), [{ path: [], message: 'm' }]);
    assert.deepEqual(fastApiFieldErrors('<html>'), []);
  });
});

describe('DRF error bodies', () => {
  test('fields, nested lists and several messages per field', () => {
    const body = { slug: ['taken', 'too long'], events_entered: [{}, { event_id: ['This field is required.'] }] };
    assert.deepEqual(drfFieldErrors(body, ['competitors', 3]), [
      { path: ['competitors', 3, 'slug'], message: 'taken' },
      { path: ['competitors', 3, 'slug'], message: 'too long' },
      { path: ['competitors', 3, 'events_entered', 1, 'event_id'], message: 'This field is required.' },
    ]);
  });

  test('non_field_errors belong to the object, detail to the document root', () => {
    assert.deepEqual(drfFieldErrors({ non_field_errors: ['unique set'] }, ['events', 2]), [{ path: ['events', 2], message: 'unique set' }]);
    assert.deepEqual(drfFieldErrors({ detail: 'Invalid token.' }, ['events', 2]), [{ path: [], message: 'Invalid token.' }]);
  });

  test('index keys of ListField errors become numbers', () => {
    assert.deepEqual(drfFieldErrors({ age_groups: { '1': ['bad'] } }, []), [{ path: ['age_groups', 1], message: 'bad' }]);
  });

  test('list posts map item i to the document item i; renamed and added keys map back', () => {
    const body = [{}, { competitor_id: ['This field is required.'], competition: ['Invalid pk'] }];
    assert.deepEqual(drfListFieldErrors(body, ['competitors'], itemKeyToDocument), [
      { path: ['competitors', 1, 'competitor_id'], message: 'This field is required.' },
      { path: ['competitors', 1], message: 'Invalid pk' },
    ]);
    assert.deepEqual(drfListFieldErrors({ non_field_errors: ['Expected a list'] }, ['teams']), [{ path: ['teams'], message: 'Expected a list' }]);
  });
});

describe('REST payloads', () => {
  test('v1 names become 2026 names, nested lists are left out, year comes from date', () => {
    const payload = competitionPayload({
      full_name: 'X',
      country_id: 'GBR',
      organiser_id: 'u',
      wa_rankings_category_id: 'DF',
      date: '2026-05-01',
      events: [],
      competitors: [],
      teams: [],
      relay_teams: [],
    });
    assert.deepEqual(payload.body, { full_name: 'X', country: 'GBR', organiser: 'u', wa_rankings_category: 'DF', date: '2026-05-01', year: '2026' });
    assert.equal(payload.keyToDocument('country'), 'country_id');
    assert.equal(payload.keyToDocument('year'), 'date');
    assert.equal(payload.keyToDocument('slug'), 'slug');
  });

  test('a document already using 2026 names keeps them, and its own year', () => {
    const payload = competitionPayload({ country: 'NOR', country_id: 'GBR', year: '2025', date: '2026-01-01' });
    assert.deepEqual(payload.body, { country: 'NOR', year: '2025', date: '2026-01-01' });
    assert.equal(payload.keyToDocument('country'), 'country');
  });

  test('combined-event parents are posted before their children, otherwise document order', () => {
    const events = [{ event_id: 'A', parent: 'P' }, { event_id: 'B' }, { event_id: 'P' }, { event_id: 'C', parent: '' }];
    assert.deepEqual(eventPostingOrder(events), [2, 0, 1, 3]);
  });

  test('web links: home_page_url, else the documented page pattern, never a non-http link', () => {
    const base = 'https://test-data.opentrack.run/';
    const posted = { year: '2026', country: 'GBR', slug: 'my-meet' };
    assert.equal(restWebUrl({ home_page_url: 'https://x.example/meet/' }, posted, base), 'https://x.example/meet/');
    assert.equal(restWebUrl({ home_page_url: 'javascript:alert(1)' }, posted, base), 'https://test-data.opentrack.run/en-gb/x/2026/GBR/my-meet/');
    assert.equal(restWebUrl({ url: 'https://test-data.opentrack.run/api/competitions/1/' }, {}, base), 'https://test-data.opentrack.run/api/competitions/1/');
    assert.equal(v1WebUrl({ url: 'file:///etc/passwd' }, 'https://test-api.opentrack.run/'), 'https://test-api.opentrack.run/');
  });
});
