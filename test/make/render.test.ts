import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * `npm run make:render`, as a maintainer runs it: the compiled tool in a process of its own,
 * which prints one JSON object and ends by itself, the Zapier side included.
 */
const TOOL = join(__dirname, '../../dist/scripts/make/render.js');
const run = promisify(execFile);
const render = async (...args: string[]) => {
  const { stdout, stderr } = await run(process.execPath, [TOOL, ...args], { timeout: 20_000 });
  expect(stderr).toBe('');
  return stdout;
};
const failing = (...args: string[]) => run(process.execPath, [TOOL, ...args], { timeout: 20_000 }).then(
  () => {
    throw new Error('the tool succeeded');
  },
  (error: { code: number; stderr: string; stdout: string }) => ({ code: error.code, stderr: error.stderr, stdout: error.stdout }),
);

const LEAD = JSON.stringify({ name: 'דנה כהן', phone: '050-1234567 ext 5', owner: '271917813959131540676117904886673869329' });

describe('npm run make:render', () => {
  it('prints the request the Make module sends, as one line of JSON', async () => {
    expect(await render('createLead', LEAD)).toBe(
      '{"method":"POST","path":"/v2/leads/create","query":{},"body":{"phone":"050-1234567 ext 5","name":"דנה כהן","f_name":"דנה כהן","owner":"271917813959131540676117904886673869329"}}\n',
    );
  });

  it('with --zapier prints the request the Zapier action sends for the same input, caught before it leaves', async () => {
    expect(await render('createLead', LEAD, '--zapier')).toBe(
      '{"method":"POST","path":"/v2/leads/create","query":{},"body":{"phone":"050-1234567 ext 5","name":"דנה כהן","f_name":"דנה כהן","owner":"271917813959131540676117904886673869329"}}\n',
    );
  });

  it('shows a difference the README names: Make sends an owner that is no Gloop ID, the Zapier app leaves it out', async () => {
    const input = JSON.stringify({ name: 'דנה כהן', phone: '050-123-4567', owner: 'דנה' });
    const body = { phone: '0501234567', name: 'דנה כהן', f_name: 'דנה כהן' };
    expect(JSON.parse(await render('createLead', input))).toEqual({ method: 'POST', path: '/v2/leads/create', query: {}, body: { ...body, owner: 'דנה' } });
    expect(JSON.parse(await render('createLead', input, '--zapier'))).toEqual({ method: 'POST', path: '/v2/leads/create', query: {}, body });
  });

  it.each([
    ['no', false],
    ['לא', false],
    ['0', false],
    [' Yes ', true],
  ])('reads the yes/no %j as the Zapier app does, on both sides (%s)', async (word, yes) => {
    const input = JSON.stringify({ name: 'דנה', phone: '0501234567', is_subscriber: word });
    const [make, zapier] = await Promise.all([render('createLead', input), render('createLead', input, '--zapier')]);
    expect(JSON.parse(make)).toMatchObject({ body: { is_subscriber: yes } });
    expect(JSON.parse(make)).toEqual(JSON.parse(zapier));
  });

  it.each([
    ['2026-02-30T10:00:00Z', { refused: 'Validation failed for 1 parameter(s): "Start Time" must be a date.' }],
    ['2026-03-01junk', { refused: 'Validation failed for 1 parameter(s): "Start Time" must be a date.' }],
    ['2026-03-01T10:00:00+02:00', { method: 'POST', path: '/v2/timer/start', query: {}, body: { owner: '253960413951646409173244928790043995930', start_time: '2026-03-01T08:00:00Z' } }],
  ])('models Make\'s date parameter: %j as ISO 8601 on the calendar, or refused', async (startTime, rendered) => {
    expect(JSON.parse(await render('startTimer', JSON.stringify({ owner: '253960413951646409173244928790043995930', start_time: startTime })))).toEqual(rendered);
  });

  it('prints the Zapier app\'s own sentence when it refuses before any request', async () => {
    expect(JSON.parse(await render('createLead', JSON.stringify({ phone: '050-1234567' }), '--zapier'))).toEqual({
      refused: 'The lead needs a name: map "Full Name" or "First Name"; fix it in this step\'s fields.',
    });
  });

  it('renders a path template and a search as each side sends them', async () => {
    const timer = JSON.stringify({ timer_id: '271917813959131540676117904886673869329' });
    const [make, zapier] = await Promise.all([render('stopTimer', timer), render('stopTimer', timer, '--zapier')]);
    expect(JSON.parse(make)).toMatchObject({ method: 'PUT', path: '/v2/timer/271917813959131540676117904886673869329' });
    expect(JSON.parse(zapier)).toEqual(JSON.parse(make));
    const search = JSON.stringify({ phone: '+972 50-123-4567' });
    expect(JSON.parse(await render('searchLeads', search, '--zapier'))).toEqual(JSON.parse(await render('searchLeads', search)));
  });

  it.each([
    [['nope', '{}'], /^no Make module nope; the modules are createLead, /],
    [['createLead', '{'], /^the input data is not JSON \(.+\); give one object such as/],
    [['createLead', '[1]'], /^the input data must be one JSON object of field keys and values, not \[1\]/],
    [['createLead'], /^usage: npm run make:render -- <makeModuleId> '<inputData JSON>' \[--zapier\]/],
    [['createLead', '{}', '--zap'], /^usage: /],
    [['constructor', '{}'], /^no Make module constructor; the modules are createLead, /],
    [['--serve'], /^--serve answers a parent process/],
  ])('ends with code 1 and one line saying what to fix for %j', async (args, message) => {
    const { code, stderr, stdout } = await failing(...args);
    expect({ code, stdout, lines: stderr.trimEnd().split('\n').length }).toEqual({ code: 1, stdout: '', lines: 1 });
    expect(stderr).toMatch(message);
  });
});
