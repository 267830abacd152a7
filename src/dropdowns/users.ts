import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { callGloop } from '../http/client';
import { activeChoices, choiceOutputFields, type Choice } from './choices';

/** Gloop's largest page; one request usually fills one dropdown page. */
export const USERS_PAGE_SIZE = 100;
const END = 'end';

/**
 * One dropdown page = the next Gloop page with an active user in it. The cursor keeps the
 * offset where the previous page stopped, so "load more" reaches every active user once,
 * however many left the company in between.
 */
async function listUsers(z: ZObject, bundle: Bundle): Promise<Choice[]> {
  let offset = bundle.meta?.page ? await z.cursor.get() : '0';
  if (offset === END || offset === null || !/^\d+$/.test(offset)) return [];
  for (;;) {
    const answer = await callGloop(z, bundle, { method: 'GET', path: '/v2/users', params: { offset, limit: String(USERS_PAGE_SIZE) } });
    const received = Array.isArray(answer.items) ? answer.items.length : 0;
    const next = answer.hasMore === true && received > 0 ? String(Number(offset) + received) : END;
    const users = activeChoices(answer);
    if (users.length > 0 || next === END) {
      await z.cursor.set(next);
      return users;
    }
    offset = next;
  }
}

export const userList = defineTrigger({
  key: 'user_list',
  noun: 'User',
  display: { label: 'List Users', description: 'Lists active Gloop users for the Owner dropdown.', hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform: listUsers,
    sample: { id: '253960413951646409173244928790043995930', name: 'משה' },
    outputFields: choiceOutputFields,
  },
});
