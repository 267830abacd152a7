import nock from 'nock';
import { scrub } from '../src/http/failures';
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
});
