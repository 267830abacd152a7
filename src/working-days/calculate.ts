import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { callGloop, secretsOf } from '../http/client';
import { isRecord } from '../http/failures';
import { describeOperation, proves, requestOf, type OperationDescription, type Proof } from '../records/operation';
import { bodyFrom, kind, invalidInput, outputFieldsFrom, quoted, requireValues, withEveryKey, type OutputField } from '../fields/values';

/** Plain dates go to Gloop in one format and come back in it, so a Zap maps the result as a date. */
const DATE_FORMAT = 'YYYY-MM-DD';
const FORMATS = { date_format: DATE_FORMAT, return_format: DATE_FORMAT };
/** Every sum and count comes with the date it reached. */
const A_DATE: Proof = { key: 'date', as: 'date', name: 'a date' };

const startDate: PlainInputField = { key: 'start_date', label: 'Start Date', type: 'datetime', required: true, helpText: 'The day to count from, e.g. `2026-12-01`; the time of day is ignored.' };
const weekend: PlainInputField = {
  key: 'weekend',
  meta: kind('day-numbers'),
  label: 'Weekend',
  required: true,
  choices: [
    { value: '6,7', label: 'Friday and Saturday', sample: '6,7' },
    { value: '7', label: 'Saturday only', sample: '7' },
    { value: '1,7', label: 'Saturday and Sunday', sample: '1,7' },
  ],
  default: '6,7',
  helpText: 'The days that are not working days. Any other set is the days\' numbers, 1 for Sunday to 7 for Saturday, joined by commas, e.g. `5,6`.',
};
const increment = (what: string): PlainInputField => ({ key: 'increment', label: `${what} to Add`, type: 'integer', required: true, helpText: `How many ${what.toLowerCase()} after the start date, e.g. \`14\`.` });

interface Calculation {
  key: string;
  label: string;
  description: string;
  makeId: string;
  path: `/${string}`;
  fields: readonly PlainInputField[];
  answered: OutputField[];
  sample: Record<string, unknown>;
}

const WEEKENDS_SKIPPED: OutputField = { key: 'days_total_weekends', label: 'Weekend Days Skipped', type: 'number' };
/** Weekdays skip no holidays, and Gloop's answer to them names none. */
const HOLIDAY_OUTPUTS: OutputField[] = [
  { key: 'days_total_holidays', label: 'Holidays Skipped', type: 'number' },
  WEEKENDS_SKIPPED,
  { key: 'holidays[]name', label: 'Holiday Name' },
  { key: 'holidays[]date', label: 'Holiday Date', type: 'datetime' },
];

/** A count of days: whole and never below zero, where a stock figure (figureOf) may be either. */
const countOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);
const plainText = (value: unknown) => (typeof value === 'string' ? value : '');

/** A date sum Gloop works out, Israel's holidays included: nothing is stored, so a replay is always safe. */
function defineCalculation(spec: Calculation) {
  const outputFields = outputFieldsFrom(spec.fields, spec.answered);
  const description: OperationDescription = {
    make: { id: spec.makeId, label: spec.label, group: 'Working Days' },
    method: 'POST',
    path: spec.path,
    body: 'plain',
    constants: FORMATS,
    proof: A_DATE,
    answered: spec.answered,
  };
  return defineCreate({
    key: describeOperation(spec.key, description),
    noun: 'Date',
    display: { label: spec.label, description: spec.description },
    operation: {
      inputFields: [...spec.fields],
      perform: async (z: ZObject, bundle: Bundle) => {
        const body = bodyFrom(z, spec.fields, bundle);
        requireValues(z, spec.fields, body, spec.fields.map((field) => field.key));
        const days = String(body.weekend);
        if (!/^[1-7](,[1-7])*$/.test(days)) throw invalidInput(z, `"Weekend" must be day numbers from 1 (Sunday) to 7 (Saturday) joined by commas, such as 6,7, not ${quoted(days, secretsOf(bundle.authData))}`);
        const answer = await callGloop(z, bundle, { method: description.method, ...requestOf(description, body) });
        if (!proves(A_DATE, answer)) throw new z.errors.Error('Gloop answered the date calculation without a date; run this step again later.', 'GloopInvalidResponse', 502);
        const holidays = (Array.isArray(answer.holidays) ? answer.holidays : []).filter(isRecord).map((holiday) => ({ name: plainText(holiday.name), date: plainText(holiday.date) }));
        // A figure Gloop did not give, or not as a count, is left out: an output typed number holds a number.
        const figures = outputFields.flatMap(({ key, type }) => {
          const value = type === 'number' ? countOf(answer[key]) : undefined;
          return value === undefined ? [] : [[key, value] as const];
        });
        const texts = withEveryKey(
          outputFields.filter(({ type }) => type !== 'number'),
          { ...body, date: answer.date, ...(outputFields.some(({ key }) => key.startsWith('holidays[]')) ? { holidays } : {}) },
        );
        return { ...texts, ...Object.fromEntries(figures) };
      },
      sample: spec.sample,
      outputFields,
    },
  });
}

const ROSH_HASHANA = [
  { name: 'Erev Rosh Hashana', date: '2021-09-06T00:00:00Z' },
  { name: 'Rosh Hashana 5782', date: '2021-09-07T00:00:00Z' },
];

export const addWorkingDays = defineCalculation({
  key: 'add_working_days',
  label: 'Add Working Days',
  makeId: 'addWorkingDays',
  description: 'Adds working days to a date, skipping weekends and Israel\'s holidays.',
  path: '/v2/workingDays/addWorkingDays',
  fields: [startDate, increment('Working Days'), weekend],
  answered: [{ key: 'date', label: 'Result Date', type: 'datetime' }, ...HOLIDAY_OUTPUTS],
  sample: { date: '2021-09-22', start_date: '2021-08-31', increment: 14, weekend: '6,7', days_total_holidays: 4, days_total_weekends: 4, holidays: ROSH_HASHANA },
});

export const addWeekdays = defineCalculation({
  key: 'add_week_days',
  label: 'Add Weekdays',
  makeId: 'addWeekdays',
  description: 'Adds days to a date, skipping weekends but not holidays.',
  path: '/v2/workingDays/addWeekDays',
  fields: [startDate, increment('Weekdays'), weekend],
  answered: [{ key: 'date', label: 'Result Date', type: 'datetime' }, WEEKENDS_SKIPPED],
  sample: { date: '2021-09-18', start_date: '2021-08-31', increment: 14, weekend: '6,7', days_total_weekends: 4 },
});

export const countWorkingDays = defineCalculation({
  key: 'working_days_between',
  label: 'Count Working Days',
  makeId: 'countWorkingDays',
  description: 'Counts the working days between two dates, leaving out weekends and Israel\'s holidays.',
  path: '/v2/workingDays/WorkingDaysBetween',
  fields: [startDate, { key: 'end_date', label: 'End Date', type: 'datetime', required: true, helpText: 'The last day counted, e.g. `2026-12-31`.' }, weekend],
  answered: [{ key: 'days_total_working_days', label: 'Working Days', type: 'number' }, { key: 'date', label: 'Date Gloop Returned', type: 'datetime' }, ...HOLIDAY_OUTPUTS],
  sample: { days_total_working_days: 6, date: '2021-09-15', start_date: '2021-08-31', end_date: '2021-09-15', weekend: '6,7', days_total_holidays: 5, days_total_weekends: 4, holidays: ROSH_HASHANA },
});
