import nock from 'nock';
import { App, authData, BASE_URL, CLIENT_SECRET, perform, zapierErrorOf } from './helpers/app';
import { capturePost } from './helpers/capture';
import { useNock } from './helpers/nock';

useNock();

const run = (key: string, inputData: Record<string, unknown>) => perform(App.creates[key as 'add_working_days'], { authData, inputData });
const refused = (problem: string) => ({ name: 'AppError', code: 'InvalidInput', status: 400, message: `${problem}; fix it in this step's fields.` });
const holidays = [
  { name: 'Tzom Gedaliah', date: '2021-09-09T00:00:00Z', description: 'Tzom Gedaliah' },
  { name: 'Rosh Hashana II', date: '2021-09-08T00:00:00Z', description: 'Rosh Hashana II' },
];

describe('the working-days utilities', () => {
  it('send a plain date in one format and read the result in it, with the holidays Gloop skipped', async () => {
    const received = capturePost('/v2/workingDays/addWorkingDays', 200, { date: '2021-09-22', days_total_holidays: 4, days_total_weekends: 4, holidays, weekends: [] });
    const output = await run('add_working_days', { start_date: '2021-08-31T16:00:00+03:00', increment: '14', weekend: ' 6, 7 ' });
    expect(received).toEqual([JSON.stringify({ start_date: '2021-08-31', increment: 14, weekend: '6,7', date_format: 'YYYY-MM-DD', return_format: 'YYYY-MM-DD' })]);
    expect(output).toEqual({
      date: '2021-09-22',
      start_date: '2021-08-31',
      increment: 14,
      weekend: '6,7',
      days_total_holidays: 4,
      days_total_weekends: 4,
      holidays: [
        { name: 'Tzom Gedaliah', date: '2021-09-09T00:00:00Z' },
        { name: 'Rosh Hashana II', date: '2021-09-08T00:00:00Z' },
      ],
    });
  });

  it('count working days between two dates, every key there when Gloop lists no holidays', async () => {
    const received = capturePost('/v2/workingDays/WorkingDaysBetween', 200, { date: '2021-09-15', days_total_holidays: 0, days_total_weekends: 4, days_total_working_days: 11 });
    const output = await run('working_days_between', { start_date: '2021-08-31', end_date: '2021-09-15', weekend: '7' });
    expect(JSON.parse(received[0])).toEqual({ start_date: '2021-08-31', end_date: '2021-09-15', weekend: '7', date_format: 'YYYY-MM-DD', return_format: 'YYYY-MM-DD' });
    expect(output).toMatchObject({ days_total_working_days: 11, days_total_holidays: 0, holidays: [] });
  });

  it('read the counts Gloop sends as text, leave out what is not a count, and leave blank what is not a name', async () => {
    capturePost('/v2/workingDays/addWorkingDays', 200, { date: '2021-09-22', days_total_holidays: '14', days_total_weekends: 'four', holidays: [{ name: 7, date: '2021-09-09' }, 'x'] });
    const output = await run('add_working_days', { start_date: '2021-08-31', increment: '14', weekend: '6,7' });
    expect(output).toMatchObject({ days_total_holidays: 14, holidays: [{ name: '', date: '2021-09-09' }] });
    expect(output).not.toHaveProperty('days_total_weekends');
  });

  it('add weekdays: the weekends Gloop skipped, and no holiday figure, as Gloop names none for weekdays', async () => {
    capturePost('/v2/workingDays/addWeekDays', 200, { date: '2021-09-18', days_total_weekends: 4, result_weekends: [] });
    expect(await run('add_week_days', { start_date: '2021-08-31', increment: '14', weekend: '6,7' })).toEqual({ date: '2021-09-18', start_date: '2021-08-31', increment: 14, weekend: '6,7', days_total_weekends: 4 });
  });

  it.each([['4 days'], ['about 4'], ['-4'], ['4.5']])('leave out a count Gloop sends as %j', async (count) => {
    capturePost('/v2/workingDays/addWorkingDays', 200, { date: '2021-09-22', days_total_holidays: count, days_total_weekends: 4 });
    const output = await run('add_working_days', { start_date: '2021-08-31', increment: '14', weekend: '6,7' });
    expect(output).toMatchObject({ days_total_weekends: 4 });
    expect(output).not.toHaveProperty('days_total_holidays');
  });

  it.each([
    ['a weekend by name', { start_date: '2021-08-31', increment: '1', weekend: 'Friday' }, '"Weekend" must be day numbers from 1 (Sunday) to 7 (Saturday) joined by commas, such as 6,7, not "Friday"'],
    ['a weekend with invisible marks', { start_date: '2021-08-31', increment: '1', weekend: '6\u2066,7\u0000' }, '"Weekend" must be day numbers from 1 (Sunday) to 7 (Saturday) joined by commas, such as 6,7, not "6\\u2066,7\\u0000"'],
    ['the secret as a weekend', { start_date: '2021-08-31', increment: '1', weekend: CLIENT_SECRET }, '"Weekend" must be day numbers from 1 (Sunday) to 7 (Saturday) joined by commas, such as 6,7, not ":censored:"'],
    ['half a day', { start_date: '2021-08-31', increment: '1.5', weekend: '6,7' }, '"Working Days to Add" must be a whole number such as 14, not "1.5"'],
    ['a date Gloop\'s format cannot hold', { start_date: '31/08/2021', increment: '1', weekend: '6,7' }, '"Start Date" must be a date such as 1990-05-17, not "31/08/2021"'],
    ['no start date', { increment: '1', weekend: '6,7' }, '"Start Date" is empty, and Gloop needs it: map a value'],
  ])('refuse %s before any request', async (_case, inputData, problem) => {
    expect(await zapierErrorOf(run('add_working_days', inputData))).toEqual(refused(problem));
  });

  it('keep Gloop\'s Hebrew reason', async () => {
    nock(BASE_URL).post('/v2/workingDays/addWeekDays').reply(400, { message: 'התאריך אינו תקין' });
    expect((await zapierErrorOf(run('add_week_days', { start_date: '2021-08-31', increment: '1', weekend: '6,7' }))).message).toContain('התאריך אינו תקין');
  });

  it.each([[{ days_total_weekends: 0 }], [{ date: '', days_total_weekends: 0 }], [{ date: 20210901 }]])('say what to do when Gloop answers %j, without a date', async (answer) => {
    nock(BASE_URL).post('/v2/workingDays/addWeekDays').reply(200, answer);
    expect(await zapierErrorOf(run('add_week_days', { start_date: '2021-08-31', increment: '1', weekend: '6,7' }))).toEqual({
      name: 'AppError',
      code: 'GloopInvalidResponse',
      status: 502,
      message: 'Gloop answered the date calculation without a date; run this step again later.',
    });
  });
});
