import nock from 'nock';

/**
 * Nock for one test file: no real network, every mock used, and its interceptors released at
 * the end (left in place, they would swallow the next file's requests in the same worker).
 */
export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.abortPendingRequests();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}

/** Gloop took the request, then the connection dropped before any answer: the outcome is unknown. */
export function connectionLost(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

/**
 * The `Date` header of Gloop's answers, written when nock answers: Gloop's clock, `aheadMs`
 * ahead of this machine's (behind when negative). The app tells a record stored after its
 * request from one stored before by this clock alone.
 */
export function gloopDate(aheadMs = 0): Record<string, () => string> {
  return { Date: () => new Date(Date.now() + aheadMs).toUTCString() };
}

/** A `created` stamp as Gloop writes it, to the second, `agoMs` before now on Gloop's clock. */
export function stampedAgo(agoMs: number, aheadMs = 0): string {
  return new Date(Date.now() + aheadMs - agoMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
