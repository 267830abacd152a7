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
