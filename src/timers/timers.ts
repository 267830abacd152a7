import { defineCreate, defineInputFields, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { callGloop } from '../http/client';
import { linkField } from '../fields/shared';
import { bodyFrom, outputFieldsFrom, requireValues, withEveryKey } from '../fields/values';
import { answeredText, defineRecordCreate } from '../records/create';

/** A timer's fields, once. */
export const timerFields = defineInputFields([
  { key: 'owner', label: 'Owner', required: true, dynamic: 'user_list.id.name', helpText: 'The user whose time is counted. Users who left the company are not listed.' },
  linkField('customer', 'The customer the time is spent on.'),
  { key: 'start_time', label: 'Start Time', type: 'datetime', helpText: 'When the work started. Left blank, the timer starts now.' },
  { key: 'comment', label: 'Comment', helpText: 'What the time is spent on, shown with the timer.' },
]);

export const startTimer = defineRecordCreate({
  key: 'start_timer',
  noun: 'Timer',
  label: 'Start Timer',
  description: 'Starts a timer for a user, now or from a time you give.',
  path: '/v2/timer/start',
  fields: timerFields,
  // A start time misread would count the wrong hours: refused, not left out.
  mustRead: ['start_time'],
  // Open timers are listed, so a person can see whether it started.
  lookFor: () => 'an open timer of this user',
  answered: [{ key: 'id', label: 'Timer ID' }, { key: 'message', label: 'Gloop Message' }],
  report: (created) => ({ id: created.id, message: created.message }),
  sample: { id: '271943382793099311437728449716604792195', message: 'הטיימר הופעל', owner: '253960413951646409173244928790043995930' },
});

const stopFields = defineInputFields([
  { key: 'timer_id', label: 'Timer', required: true, dynamic: 'open_timer_list.id.name', helpText: 'The open timer to stop, e.g. the Timer ID from "Start Timer".' },
]);

type StopInput = InferInputData<typeof stopFields>;

const stopOutputFields = outputFieldsFrom(stopFields, [
  { key: 'total_minuets', label: 'Total Minutes' },
  { key: 'message', label: 'Gloop Message' },
]);

export const stopTimer = defineCreate({
  key: 'stop_timer',
  noun: 'Timer',
  display: { label: 'Stop Timer', description: 'Stops an open timer and returns the minutes it ran.' },
  operation: {
    inputFields: stopFields,
    perform: async (z: ZObject, bundle: Bundle<StopInput>) => {
      const body = bodyFrom(z, stopFields, bundle);
      requireValues(z, stopFields, body, ['timer_id']);
      // Stopping twice is refused by Gloop, so a replay cannot double it.
      const answer = await callGloop(z, bundle, { method: 'PUT', path: `/v2/timer/${String(body.timer_id)}`, writes: true });
      return withEveryKey(stopOutputFields, {
        timer_id: body.timer_id,
        // Gloop's key, spelled as Gloop spells it.
        total_minuets: answeredText(answer, 'total_minuets'),
        message: typeof answer.message === 'string' ? answer.message : '',
      });
    },
    sample: { timer_id: '271943382793100520363548064345779498371', total_minuets: '1.7', message: 'הטיימר הופסק' },
    outputFields: stopOutputFields,
  },
});
