import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { PAGE_SIZE } from '../dropdowns/paged';
import { callGloop, type Confirmation } from '../http/client';
import { isRecord } from '../http/failures';
import { idFrom } from '../http/json';
import { linkField } from '../fields/shared';
import { kind, type RequestBody } from '../fields/values';
import { defineWriteAction } from '../records/write-action';
import { GLOOP_MESSAGE, idAndMessage } from '../records/operation';

/** A timer's fields, once. */
export const timerFields = defineInputFields([
  { key: 'owner', label: 'Owner', required: true, dynamic: 'user_list.id.name', helpText: 'The user whose time is counted. Users who left the company are not listed.' },
  linkField('customer', 'The customer the time is spent on.'),
  { key: 'start_time', label: 'Start Time', type: 'datetime', meta: kind('moment'), helpText: 'When the work started. Left blank, the timer starts now.' },
  { key: 'comment', label: 'Comment', helpText: 'What the time is spent on, shown with the timer.' },
]);

export const startTimer = defineWriteAction({
  key: 'start_timer',
  noun: 'Timer',
  label: 'Start Timer',
  description: 'Starts a timer for a user, now or from a time you give.',
  make: { id: 'startTimer', label: 'Start a Timer', group: 'Tickets, Links and Timers', crud: 'create' },
  path: '/v2/timer/start',
  deed: { verb: 'start', done: 'started', what: 'the timer' },
  fields: timerFields,
  // A start time misread would count the wrong hours: refused, not left out.
  mustRead: ['start_time'],
  // Open timers are listed, so a person can see whether it started.
  lookFor: () => 'an open timer of this user',
  answered: idAndMessage('Timer'),
  sample: { id: '271943382793099311437728449716604792195', message: 'הטיימר הופעל', owner: '253960413951646409173244928790043995930' },
});

const stopFields = defineInputFields([
  { key: 'timer_id', label: 'Timer', required: true, dynamic: 'open_timer_list.id.name', helpText: 'The open timer to stop, e.g. the Timer ID from "Start Timer".' },
]);

/** Pages of open timers read after a lost answer; past them, the timer could lie unseen. */
const OPEN_TIMER_PAGES = 5;

/**
 * Gloop lists open timers in pages. One listed is certainly not stopped; one not listed may have
 * been stopped by this run or before it, which the list cannot tell apart.
 */
function stillOpen(z: ZObject, bundle: Bundle<any>, body: RequestBody): Confirmation {
  const unsure = (why: string) => ({ unsure: `Gloop's open timers right after ${why}` });
  return {
    notFound: "Gloop's open timers right after still list it",
    find: async () => {
      for (let page = 0, offset = 0; page < OPEN_TIMER_PAGES; page += 1) {
        const { items, hasMore } = await callGloop(z, bundle, { method: 'GET', path: '/v2/timer/open', params: { offset: String(offset), limit: String(PAGE_SIZE) } });
        if (!Array.isArray(items)) return unsure('came without their list');
        if (items.some((timer) => isRecord(timer) && idFrom(timer.id) === body.timer_id)) return { absent: true };
        if (hasMore !== true || items.length === 0) return unsure('no longer list it, which does not tell whether this run stopped it or it had stopped before');
        offset += items.length;
      }
      return unsure(`hold more than ${OPEN_TIMER_PAGES * PAGE_SIZE} timers, and it is not among the first`);
    },
  };
}

export const stopTimer = defineWriteAction({
  key: 'stop_timer',
  noun: 'Timer',
  label: 'Stop Timer',
  description: 'Stops an open timer and returns the minutes it ran.',
  make: { id: 'stopTimer', label: 'Stop a Timer', group: 'Tickets, Links and Timers', crud: 'update' },
  method: 'PUT',
  path: '/v2/timer/{timer_id}',
  fields: stopFields,
  mustRead: 'all',
  deed: { verb: 'stop', done: 'stopped', what: 'the timer', replayRisk: 'the replay fails, as Gloop refuses to stop a timer twice' },
  // Gloop's key, spelled as Gloop spells it: the minutes are the stop's proof.
  proof: { key: 'total_minuets', as: 'text', name: 'the minutes the timer ran' },
  recheck: stillOpen,
  lookFor: (body) => `timer ${String(body.timer_id)} among the open timers`,
  answered: [{ key: 'total_minuets', label: 'Total Minutes', read: { from: 'total_minuets', as: 'text' } }, GLOOP_MESSAGE],
  sample: { timer_id: '271943382793100520363548064345779498371', total_minuets: '1.7', message: 'הטיימר הופסק' },
});
