import nock from 'nock';
import { errors, type ZObject } from 'zapier-platform-core';
import { crmSaid, failureFromResponse, failureWithoutResponse, inSentence, lostAnswer, neverSent, scrub } from '../src/http/failures';
import { basicCredentials, secretsOf } from '../src/http/client';
import { App, authData, BASE_URL, perform, zapierErrorOf } from './helpers/app';
import { useNock } from './helpers/nock';

useNock();

const createLead = () => perform(App.creates.create_lead, { authData, inputData: { name: 'דנה', phone: '0501234567' } });
const rejected = (said: string) => `Gloop rejected the request (HTTP 400${said}): fix the field Gloop names and run the step again.`;

describe('Gloop\'s own words in a failure', () => {
  it.each([
    [{ message: '  שדה\n\n  טלפון \t חובה  ' }, ': "שדה טלפון חובה"'],
    [{ errors: ['  ', 'טלפון חסר', ''] }, ': "טלפון חסר"'],
    ['quantity < 5', ': "quantity < 5"'],
    ['<!DOCTYPE html><html><body>Bad Request</body></html>', ''],
    [{ message: ' \n ' }, ': "{"message":" \\n "}"'],
    // Controls, direction overrides and half a surrogate pair as their codes; Hebrew and emoji as sent.
    [{ message: 'שדה\u0000 טלפון \u202eחובה\u200f 💫 \ud83d' }, ': "שדה\\u0000 טלפון \\u202eחובה\\u200f 💫 \\ud83d"'],
  ])('%j reads as %j', async (answer, said) => {
    nock(BASE_URL).post('/v2/leads/create').reply(400, answer);
    expect((await zapierErrorOf(createLead())).message).toBe(rejected(said));
  });
});

describe('Retry-After', () => {
  it.each([
    [' 30 ', 30],
    ['30 seconds', 60],
    ['x30', 60],
  ])('%j waits %i seconds', async (retryAfter, delay) => {
    nock(BASE_URL).post('/v2/leads/create').reply(429, '', { 'Retry-After': retryAfter });
    expect(await zapierErrorOf(createLead())).toMatchObject({ name: 'ThrottledError', delay });
  });
});

describe('scrub', () => {
  it('removes a secret whatever characters it holds, and only that secret', () => {
    expect(scrub('a.b+c*d? and aXbYcZd', ['a.b+c*d?'])).toBe(':censored: and aXbYcZd');
  });

  it('removes a secret of four characters, in any letter case', () => {
    expect(scrub('key Q7z9 or q7Z9', ['Q7z9'])).toBe('key :censored: or :censored:');
  });

  it('removes 8 characters of a secret in a row, as one mark for each stretch of them', () => {
    expect(scrub('cut Q7z9-secret-K2 short, mistyped q7z9-secreT!K2x9, or 4Q7z9-se', ['Q7z9-secret-K2x9'])).toBe('cut :censored: short, mistyped :censored:!K2x9, or 4Q7z9-se');
  });

  it('leaves text alone for secrets too short to tell from words', () => {
    expect(scrub('abc and xy', ['abc', 'xy'])).toBe('abc and xy');
  });

  it.each([
    ['the spaces a secret was pasted with, not the text\'s own', 'x ab12cd34 y', [' ab12cd34 '], 'x :censored: y'],
    ['a longer secret that starts where a shorter one does', 'abcdefgh', ['abcd', 'abcdefgh'], ':censored:'],
    ['a shorter secret inside a longer one', 'abcdefgh', ['abcdefgh', 'cdef'], ':censored:'],
    ['two secrets side by side, as one stretch', 'aaaa1111bbbb2222 c', ['aaaa1111', 'bbbb2222'], ':censored: c'],
  ])('removes %s', (_, text, secrets, scrubbed) => {
    expect(scrub(text, secrets)).toBe(scrubbed);
  });
});

describe('the secrets of a connection', () => {
  it('are its client secret, its token and the Basic credentials made of its client id and secret', () => {
    expect(secretsOf({ client_id: ' app-7 ', client_secret: ' s3cret-k3y ', access_token: 'HsXI8gp1B5F2' })).toEqual([' s3cret-k3y ', 'HsXI8gp1B5F2', Buffer.from('app-7:s3cret-k3y').toString('base64')]);
    expect(basicCredentials(' app-7 ', ' s3cret-k3y ')).toBe(Buffer.from('app-7:s3cret-k3y').toString('base64'));
  });

  it('without a client id or secret, no Basic credentials', () => {
    expect(secretsOf({ client_secret: 's3cret-k3y' })).toEqual(['s3cret-k3y']);
    expect(secretsOf({ client_id: 'app-7' })).toEqual([]);
  });
});

/** Core's own error classes: what Zapier shows is their message, code and status. */
const z = { errors } as unknown as ZObject;
const shown = (error: Error) => zapierErrorOf(Promise.reject(error));

describe('what a failed answer says', () => {
  it.each([
    [500, '', null, { name: 'AppError', code: 'GloopServerError', status: 500, message: 'Gloop had a server error (HTTP 500); replay this run once Gloop is working again.' }],
    [502, 'תקלה', null, { name: 'AppError', code: 'GloopServerError', status: 502, message: 'Gloop had a server error (HTTP 502: "תקלה"); replay this run once Gloop is working again.' }],
    [399, '', null, { name: 'AppError', code: 'GloopRedirected', status: 399, message: 'Gloop answered with a redirect (HTTP 399), which the app does not follow; enter the domain in the connection exactly as Gloop shows it beside the API token.' }],
    [300, '', null, { name: 'AppError', code: 'GloopRedirected', status: 300, message: 'Gloop answered with a redirect (HTTP 300), which the app does not follow; enter the domain in the connection exactly as Gloop shows it beside the API token.' }],
    [400, '', null, { name: 'AppError', code: 'GloopBadRequest', status: 400, message: 'Gloop rejected the request (HTTP 400): fix the field Gloop names and run the step again.' }],
    [405, '', null, { name: 'AppError', code: 'GloopMethodNotAllowed', status: 405, message: 'Gloop rejected the request (HTTP 405): this Gloop account does not offer this operation; contact Gloop support.' }],
    [499, 'x', null, { name: 'AppError', code: 'GloopRejected', status: 499, message: 'Gloop rejected the request (HTTP 499: "x"): check the values you mapped into this step.' }],
    [429, '', null, { name: 'ThrottledError', delay: 60, message: 'Gloop is limiting how fast it takes requests (HTTP 429); Zapier will retry in 60 seconds.' }],
    [429, 'לאט', '1', { name: 'ThrottledError', delay: 1, message: 'Gloop is limiting how fast it takes requests (HTTP 429: "לאט"); Zapier will retry in 1 second.' }],
    [429, '', '0', { name: 'ThrottledError', delay: 1 }],
    [429, '', ' 30 ', { name: 'ThrottledError', delay: 30 }],
    // Neither seconds nor a date: Date.parse alone would read them as days of 2001, long past.
    [429, '', '1.5', { name: 'ThrottledError', delay: 60 }],
    [429, '', '-5', { name: 'ThrottledError', delay: 60 }],
    [429, '', '86400', { name: 'ThrottledError', delay: 900 }],
  ])('HTTP %i with %j (Retry-After %j)', async (status, body, retryAfter, error) => {
    expect(await shown(failureFromResponse(z, { status, body, retryAfter }, []))).toMatchObject(error);
  });

  describe('a Retry-After given as a date', () => {
    const now = Date.parse('2026-12-02T10:00:00.300Z');
    beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
    afterEach(() => jest.restoreAllMocks());

    it.each([
      ['Wed, 02 Dec 2026 10:00:45 GMT', 45],
      ['Wed, 02 Dec 2026 09:00:00 GMT', 1],
      ['Thu, 03 Dec 2026 10:00:00 GMT', 900],
    ])('%j waits %i seconds', async (retryAfter, delay) => {
      expect(await shown(failureFromResponse(z, { status: 429, body: '', retryAfter }, []))).toMatchObject({ delay });
    });
  });

  it.each([
    ['each of several errors once, in order', { errors: [{ message: 'טלפון' }, { detail: 'שם' }, { code: 1 }, 'טלפון'] }, ': "טלפון - שם - {"code":1}"'],
    ['an OAuth error with its description first', { error: 'invalid_client', error_description: 'bad secret' }, ': "bad secret - invalid_client"'],
    ['a JSON string as its text', '"רק מחרוזת"', ': "רק מחרוזת"'],
    ['501 characters as their first 500', `{"message":"${'א'.repeat(501)}"}`, `: "${'א'.repeat(500)}…"`],
  ])('Gloop\'s words: %s', (_, body, said) => {
    expect(crmSaid(typeof body === 'string' ? body : JSON.stringify(body), [])).toBe(said);
  });

  it('writes a character beyond the first plane by its code in braces', () => {
    expect(inSentence('tag \u{e0001} here')).toBe('tag \\u{e0001} here');
  });
});

describe('what a request without an answer says', () => {
  const fetchFailure = (message: string, cause?: object) => Object.assign(new Error(message), cause === undefined ? {} : { cause });

  it.each([
    ['a timeout of node-fetch', { type: 'request-timeout' }],
    ['an abort of node-fetch', { type: 'aborted' }],
    ['the step deadline', { name: 'TimeoutError' }],
    ['an abort', { name: 'AbortError' }],
  ])('%s is a timeout', async (_, error) => {
    expect(await shown(failureWithoutResponse(z, error, [], 2600))).toEqual({
      name: 'AppError',
      code: 'GloopTimeout',
      status: 504,
      message: 'Gloop did not answer within 3 seconds; replay this run once Gloop is reachable.',
    });
    expect(lostAnswer(error, [], 1000)).toEqual({ code: 'GloopTimeout', status: 504, what: 'it did not answer within 1 second' });
  });

  it.each([
    ['the system code of the cause', fetchFailure('fetch failed', { code: 'ECONNRESET' }), 'ECONNRESET'],
    ['the system code of the error', Object.assign(new Error('x'), { code: 'EPIPE' }), 'EPIPE'],
    ['node-fetch\'s reason without the address', fetchFailure('request to https://acme.gloopcrm.co.il/v2/leads/create failed, reason: socket hang up'), 'socket hang up'],
    ['a long reason cut at 120 characters', fetchFailure('w'.repeat(121)), `${'w'.repeat(120)}…`],
    ['a reason of 120 characters whole', fetchFailure('w'.repeat(120)), 'w'.repeat(120)],
    ['what was thrown that is not an error', 'socket closed', 'socket closed'],
  ])('a lost connection names %s', async (_, error, reason) => {
    expect(await shown(failureWithoutResponse(z, error, [], 2600))).toEqual({
      name: 'AppError',
      code: 'GloopUnreachable',
      status: 503,
      message: `Could not reach Gloop (${reason}); check the domain in the connection, or replay this run later.`,
    });
    expect(lostAnswer(error, [], 2600)).toEqual({ code: 'GloopUnreachable', status: 503, what: `the connection was lost (${reason})` });
  });

  it.each([
    [{ code: 'ENOTFOUND' }, true],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, true],
    [{ code: 'ECONNRESET' }, false],
    [{ code: 'XENOTFOUND' }, false],
  ])('a request that failed with %j never left: %s', (cause, never) => {
    expect(neverSent(Object.assign(new Error('fetch failed'), { cause }))).toBe(never);
  });
});
