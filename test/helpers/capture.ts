import nock from 'nock';
import { ACCESS_TOKEN, BASE_URL } from './app';

/**
 * Answers one POST to `path` and keeps the raw body Gloop received; `answer` may be a function,
 * for an answer made when Gloop gives it (a record stamped after the request left).
 */
export function capturePost(path: string, status: number, answer: object | string | (() => object), headers: Record<string, string | (() => string)> = {}): string[] {
  const received: string[] = [];
  nock(BASE_URL, { reqheaders: { authorization: `Bearer ${ACCESS_TOKEN}`, 'content-type': /application\/json/ } })
    .post(path)
    .reply(function (_uri, body) {
      received.push(typeof body === 'string' ? body : JSON.stringify(body));
      return [status, typeof answer === 'function' ? answer() : answer, headers];
    });
  return received;
}
