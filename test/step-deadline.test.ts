import nock from 'nock';
import { useNock } from './helpers/nock';
import type { Bundle } from 'zapier-platform-core';
import { authentication } from '../src/authentication';
import { stepDeadline, withAccessToken } from '../src/http/client';
import { App, appTester, authData, BASE_URL, perform, TASK_STATUS, USER_ID, zapierErrorOf } from './helpers/app';

/**
 * The step's deadline, shortened so its timeouts take a second: the real 25 s are waited out over
 * real sockets in test/e2e/lost-answers.test.ts.
 */
const mockStep = { deadlineMs: 25_000 };
jest.mock('../src/http/failures', () => {
  const actual = jest.requireActual('../src/http/failures');
  return Object.defineProperty({ ...actual }, 'STEP_DEADLINE_MS', { get: () => mockStep.deadlineMs, enumerable: true });
});

useNock();

const lead = { name: 'A', phone: '0501234567' };
const createLead = () => perform(App.creates.create_lead, { authData, inputData: lead });
const timedOut = (message: string) => ({ name: 'AppError', code: 'GloopTimeout', status: 504, message });

describe('a step that ends in time', () => {
  it('leaves no deadline timer behind, so a process running many steps does not fill with them', async () => {
    mockStep.deadlineMs = 25_000;
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    nock(BASE_URL).post('/v2/leads/create').reply(201, { id: '271917813959131540676117904886673869329' });
    const before = timers();
    await createLead();
    expect(timers()).toBe(before);
  });
});

describe('a session renewed within the step (the confirming search\'s own sign-in)', () => {
  it('keeps the step\'s deadline and the connection, with only the token replaced', () => {
    mockStep.deadlineMs = 25_000;
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    try {
      const bundle = { authData, inputData: {} } as unknown as Bundle;
      const deadline = stepDeadline(bundle);
      now.mockReturnValue(1_020_000);
      const renewed = withAccessToken(bundle, 'renewed-token');
      expect(renewed.authData).toEqual({ ...authData, access_token: 'renewed-token' });
      expect(stepDeadline(renewed)).toBe(deadline);
      expect(deadline).toBe(1_025_000);
    } finally {
      now.mockRestore();
    }
  });
});

describe('a step that runs out of time', () => {
  it('a read answered after the deadline: one timeout sentence, safe to replay', async () => {
    mockStep.deadlineMs = 1_000;
    nock(BASE_URL).get('/v2/users').query(true).delay(3_000).reply(200, { count: 0, results: [] });
    expect(await zapierErrorOf(perform(App.triggers.user_list, { authData, inputData: {} }))).toEqual(
      timedOut('Gloop did not answer within 1 second; replay this run once Gloop is reachable.'),
    );
  });

  it('a sign-in answered after the deadline: the same sentence, not "no access token"', async () => {
    mockStep.deadlineMs = 1_000;
    nock(BASE_URL).post('/oauth/token').delay(3_000).reply(200, { access_token: 'late' });
    expect(await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData }))).toEqual(
      timedOut('Gloop did not answer within 1 second; replay this run once Gloop is reachable.'),
    );
  });

  it('a create answered after its share of the step: the search that follows finds nothing, so the lead was not saved', async () => {
    // Six of the seven seconds are kept for the confirming search.
    mockStep.deadlineMs = 7_000;
    nock(BASE_URL).post('/v2/leads/create').delay(3_000).reply(201, { id: '1' });
    nock(BASE_URL).post('/v2/search/leadsAndAccounts').reply(200, { count: 0, results: [] });
    expect(await zapierErrorOf(createLead())).toEqual(
      timedOut('Gloop did not save the lead: it did not answer within 1 second, and a search right after found no such lead; replay this run once Gloop is working again.'),
    );
  });

  it('a create with less time left than its search needs: sends nothing, and says the run can be replayed', async () => {
    mockStep.deadlineMs = 5_000;
    expect(await zapierErrorOf(createLead())).toEqual(
      timedOut('Gloop did not answer within 5 seconds; replay this run once Gloop is reachable.'),
    );
  });

  it('a create with exactly its search\'s share of the step left: sends nothing, and says the run can be replayed', async () => {
    mockStep.deadlineMs = 6_000;
    // A clock that stands still, so the time left is exactly none, not a millisecond either way.
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-02T10:00:00Z'));
    try {
      expect(await zapierErrorOf(createLead())).toEqual(
        timedOut('Gloop did not answer within 6 seconds; replay this run once Gloop is reachable.'),
      );
    } finally {
      now.mockRestore();
    }
  });

  it('a write the app cannot look for afterwards has the whole step: no time is kept back for a search it will not run', async () => {
    mockStep.deadlineMs = 7_000;
    const taskId = '264338327950288419716939937510582097494';
    // Answered after the share a create keeps for its search (1 s), well before the step's end (7 s).
    nock(BASE_URL).post('/v2/tasks/create').delay(1_500).reply(201, { id: taskId });
    const task = { subject: 'לחזור', owner: USER_ID, status: TASK_STATUS };
    expect(await perform(App.creates.create_task, { authData, inputData: task })).toMatchObject({ id: taskId, subject: 'לחזור' });
  });

  it('a product list too slow to read whole within the poll: one clear sentence, not a timeout of a page', async () => {
    mockStep.deadlineMs = 6_000;
    const page = { items: Array.from({ length: 100 }, (_unused, n) => ({ id: `2719312934675439097844298867938433${String(n).padStart(5, '0')}`, name: 'TV', created: '2026-01-01T00:00:00Z' })), hasMore: true };
    nock(BASE_URL).get('/v2/products/').query(true).times(3).delay(600).reply(200, page);
    const error = await zapierErrorOf(appTester((App.triggers.new_product.operation as { perform: never }).perform, { authData }));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'TooManyToPoll',
      // The pages read depend on this machine's pace; the sentence does not.
      message: expect.stringMatching(
        /^Gloop's list of products is longer than one poll can read \((100 read in 1 page|200 read in 2 pages) before the poll ran out of time, more to come\), and Gloop lists them in no order that would let a poll read only the newest; this trigger cannot watch this account\.$/,
      ),
    });
    // The pages it had no time to ask for.
    nock.cleanAll();
  });
});
