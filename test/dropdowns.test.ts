import nock from 'nock';
import { useNock } from './helpers/nock';
import { PAGE_SIZE as USERS_PAGE_SIZE } from '../src/dropdowns/paged';
import { App, authData, BASE_URL, localZap, perform, STATUS_ID, USER_ID, zapierErrorOf } from './helpers/app';

useNock();

const user = (n: number, active = true) => ({ id: `${USER_ID.slice(0, -4)}${String(n).padStart(4, '0')}`, name: `משתמש ${n}`, is_active: active ? 'Y' : 'N' });

function usersPage(offset: number, items: object[], hasMore: boolean) {
  nock(BASE_URL)
    .get('/v2/users')
    .query({ offset: String(offset), limit: String(USERS_PAGE_SIZE) })
    .reply(200, { items, hasMore, limit: USERS_PAGE_SIZE, offset, count: items.length });
}

describe('owner dropdown (user_list)', () => {
  let zap = localZap();
  beforeEach(() => {
    zap = localZap();
  });
  const loadPage = (page: number) => zap.run<{ id: string; name: string }[]>('triggers.user_list.operation.perform', { meta: { page } as never });

  it('lists active users with their ids as strings', async () => {
    usersPage(0, [{ id: USER_ID, name: 'משה', is_active: 'Y', created: '2021-04-03T00:00:00Z' }, user(2, false)], false);
    expect(await loadPage(0)).toEqual([{ id: USER_ID, name: 'משה' }]);
  });

  it('keeps 39-digit ids Gloop sends unquoted', async () => {
    nock(BASE_URL).get('/v2/users').query(true).reply(200, `{"items": [{"id": ${USER_ID}, "name": "משה", "is_active": "Y"}], "hasMore": false}`, {
      'Content-Type': 'application/json',
    });
    expect(await loadPage(0)).toEqual([{ id: USER_ID, name: 'משה' }]);
  });

  it('pages with the offset Gloop reached, skips pages of users who left, and stops at the end', async () => {
    const first = Array.from({ length: USERS_PAGE_SIZE }, (_, i) => user(i, i % 3 !== 0));
    usersPage(0, first, true);
    expect(await loadPage(0)).toEqual(first.filter((u) => u.is_active === 'Y').map(({ id, name }) => ({ id, name })));

    // A whole page of users who left is passed over within the same dropdown page.
    usersPage(USERS_PAGE_SIZE, Array.from({ length: USERS_PAGE_SIZE }, (_, i) => user(1000 + i, false)), true);
    usersPage(2 * USERS_PAGE_SIZE, [user(5000), user(5001, false)], false);
    expect(await loadPage(1)).toEqual([{ id: user(5000).id, name: 'משתמש 5000' }]);

    expect(await loadPage(2)).toEqual([]);
  });

  it('stops when Gloop says there is more but sends an empty page, rather than asking for it forever', async () => {
    usersPage(0, [], true);
    expect(await loadPage(0)).toEqual([]);
    expect(await loadPage(1)).toEqual([]);
  });

  it('honours a server that caps the page below what was asked', async () => {
    usersPage(0, [user(1), user(2)], true);
    expect(await loadPage(0)).toHaveLength(2);
    usersPage(2, [user(3)], false);
    expect(await loadPage(1)).toEqual([{ id: user(3).id, name: 'משתמש 3' }]);
  });
});

describe('lead status dropdown (lead_status_list)', () => {
  it('lists the selectable statuses with their emoji names, leaving hidden ones out', async () => {
    nock(BASE_URL)
      .get('/v2/leads/statuses')
      .reply(200, {
        items: [
          { id: STATUS_ID, name: '💫 חדש', is_active: 'Y' },
          { id: '233069071553535427697228277840563827498', name: '🌟 בטיפול', is_active: 'Y' },
          { id: '233069071553535427697228277840563827499', name: '⛔️ תקול', is_active: 'N' },
        ],
        first: { $ref: `${BASE_URL}/v2/leads/statuses` },
      });
    expect(await perform(App.triggers.lead_status_list, { authData })).toEqual([
      { id: STATUS_ID, name: '💫 חדש' },
      { id: '233069071553535427697228277840563827498', name: '🌟 בטיפול' },
    ]);
  });
});

describe('a list entry without a name, and a list without entries', () => {
  it('shows an entry without a name by its id, and answers an empty list when Gloop sends no items', async () => {
    nock(BASE_URL).get('/v2/leads/statuses').reply(200, { items: [{ id: STATUS_ID, name: '', is_active: 'Y' }] });
    expect(await perform(App.triggers.lead_status_list, { authData })).toEqual([{ id: STATUS_ID, name: STATUS_ID }]);
    nock(BASE_URL).get('/v2/leads/statuses').reply(200, { message: 'אין סטטוסים' });
    expect(await perform(App.triggers.lead_status_list, { authData })).toEqual([]);
  });
});

describe('a dropdown Gloop answers with something other than JSON', () => {
  it('says so without claiming anything was written', async () => {
    nock(BASE_URL).get('/v2/leads/statuses').reply(200, '<html>login</html>');
    expect(await zapierErrorOf(perform(App.triggers.lead_status_list, { authData }))).toEqual({
      name: 'AppError',
      code: 'GloopInvalidResponse',
      status: 502,
      message: "Gloop answered without valid JSON; check that the connection's domain is your Gloop domain, or try again later.",
    });
  });
});
