import { plainText, sameText, storedSince } from '../src/records/stored-since';

/**
 * The rule that tells a record Gloop stored for a lost request from an identical one it had
 * already, on fixed clocks: the request left at 10:00:00.400 on this machine, the search's answer
 * came 300 ms later, and Gloop's `Date` header, cut to the second, says 10:00:00 (`aheadMs` on).
 */
const SENT_AT = Date.UTC(2026, 11, 1, 10, 0, 0, 400);
const clockAhead = (aheadMs: number) => ({ date: Math.floor((SENT_AT + 300 + aheadMs) / 1000) * 1000, askedAt: SENT_AT + 100, answeredAt: SENT_AT + 300 });
const CLOCK = clockAhead(0);
const lead = (created: unknown, id = '1') => ({ id, created });
/** Gloop's stamp of `seconds` after 10:00:00 UTC, as it writes it (to the second, marked Z). */
const utc = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, 0) + seconds * 1000).toISOString().replace('.000Z', 'Z');
/** The same moment in Israel's wall-clock time marked Z: two hours ahead in December. */
const israel = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, 0) + seconds * 1000).toISOString().replace('.000Z', 'Z');
const decide = (stamps: unknown[], clock: ReturnType<typeof clockAhead> = CLOCK) =>
  storedSince(
    stamps.map((created, index) => lead(created, String(index + 1))),
    SENT_AT,
    clock,
    'lead',
  );

describe('a record stored since the lost request left, by Gloop\'s clock', () => {
  it('nothing identical: absent', () => {
    expect(storedSince([], SENT_AT, CLOCK, 'lead')).toEqual({ absent: true });
    expect(storedSince([], SENT_AT, undefined, 'lead')).toEqual({ absent: true });
  });

  it.each([
    ['stamped the same second', [utc(0)], 0],
    ['stamped a second later', [utc(1)], 0],
    ['stamped with milliseconds, 5 ms after it left', ['2026-12-01T10:00:00.405Z'], 0],
    ['beside one stamped 4 s before', [utc(0), utc(-4)], 0],
    ['beside one stamped an hour before', [utc(-3600), utc(0)], 1],
  ])('one identical record %s: that one', (_case, stamps, which) => {
    expect(decide(stamps)).toEqual({ stored: lead(stamps[which], String(which + 1)) });
  });

  it('a stamp of the second before it left may be this one: Gloop\'s clocks show whole seconds, so it is taken', () => {
    expect(decide([utc(-1)])).toEqual({ stored: lead(utc(-1)) });
  });

  it.each([
    ['two minutes', -120],
    ['an hour', -3600],
  ])('an identical record stamped %s before it left: absent', (_case, seconds) => {
    expect(decide([utc(seconds)])).toEqual({ absent: true });
  });

  it.each([['2 s', -2], ['4 s', -4], ['59 s', -59]])('an identical record stamped %s before it left, too close to tell should Gloop\'s database run behind its web server: unsure', (_case, seconds) => {
    expect(decide([utc(seconds)])).toEqual({ unsure: 'a search right after found an identical lead stamped so close to when it was sent that it could not tell whether it is this one' });
  });

  it.each([
    ['five minutes ahead of', 300_000],
    ['five minutes behind', -300_000],
    ['a day behind', -86_400_000],
  ])("places stamps by Gloop's clock when it runs %s this machine's", (_case, aheadMs) => {
    const shifted = (seconds: number) => utc(seconds + aheadMs / 1000);
    expect(decide([shifted(0)], clockAhead(aheadMs))).toEqual({ stored: lead(shifted(0)) });
    expect(decide([shifted(-120)], clockAhead(aheadMs))).toEqual({ absent: true });
  });

  it('two identical records stamped since it left: unsure which is this one', () => {
    expect(decide([utc(0), utc(1)])).toEqual({ unsure: 'a search right after found 2 identical leads stored since it was sent, and cannot tell which is this one' });
  });

  it.each([
    ['not a time', 'yesterday'],
    ['missing', undefined],
    ['a number', 1764583200000],
    ['a day ahead of Gloop\'s clock in any zone', utc(86_400)],
    ['a bare number in text', '12'],
    ['a date without a time', '2026-12-01'],
    ['words', 'July 15'],
  ])('a stamp that is %s: unsure', (_case, created) => {
    expect(decide([created])).toEqual({ unsure: 'the lead it found carries a time the app cannot read, so it could not tell whether it is this one' });
  });

  it("an answer without Gloop's clock: unsure", () => {
    expect(storedSince([lead(utc(0))], SENT_AT, undefined, 'lead')).toEqual({ unsure: "Gloop's answer to the search did not show its clock, so an identical lead it holds could not be told from this one" });
  });

  it("stamps in Israel's time marked Z, shown by a stamp later than Gloop's now: read as Israel's time", () => {
    expect(decide([israel(0)])).toEqual({ stored: lead(israel(0)) });
    expect(decide([israel(-120)])).toEqual({ absent: true });
    expect(decide([israel(-5), israel(0)])).toEqual({ stored: lead(israel(0), '2') });
    expect(decide(['2026-12-01T12:00:00.405Z'])).toEqual({ stored: lead('2026-12-01T12:00:00.405Z') });
  });

  it("summer stamps in Israel's time are three hours ahead", () => {
    const sentInJuly = Date.UTC(2026, 6, 1, 10, 0, 0, 400);
    const july = { date: Date.UTC(2026, 6, 1, 10, 0, 0), askedAt: sentInJuly + 100, answeredAt: sentInJuly + 300 };
    expect(storedSince([lead('2026-07-01T13:00:00Z')], sentInJuly, july, 'lead')).toEqual({ stored: lead('2026-07-01T13:00:00Z') });
    // Read as two hours ahead, it would fall within the hour after Gloop's now.
    expect(storedSince([lead('2026-07-01T12:58:00Z')], sentInJuly, july, 'lead')).toEqual({ absent: true });
  });

  it("a stamp in Israel's time in the hour the clocks went back names two moments: unsure", () => {
    // On 2026-10-25 Israel's clocks went back at 23:00 UTC: 01:35 came at 22:35 and again at 23:35 UTC.
    const sentAt = Date.UTC(2026, 9, 25, 0, 5, 0, 400);
    const clock = { date: Date.UTC(2026, 9, 25, 0, 5, 0), askedAt: sentAt + 100, answeredAt: sentAt + 300 };
    expect(storedSince([lead('2026-10-25T01:35:00Z')], sentAt, clock, 'lead')).toEqual({
      unsure: 'the lead it found carries a time the app cannot read, so it could not tell whether it is this one',
    });
    expect(storedSince([lead('2026-10-25T02:05:00Z')], sentAt, clock, 'lead')).toEqual({ stored: lead('2026-10-25T02:05:00Z') });
  });

  it("stamps in Israel's time beside one that reads as just now in UTC: a record two hours old, or zones mixed, so unsure", () => {
    const unsure = { unsure: "the leads it found carry times that read as Israel's time but one also as just now in UTC, so it could not tell whether one is this one" };
    expect(decide([israel(0), utc(0)])).toEqual(unsure);
    expect(decide([utc(5400), utc(0)])).toEqual(unsure);
    expect(decide([israel(0), utc(-3)])).toEqual(unsure);
    expect(decide([israel(0), utc(-120)])).toEqual({ stored: lead(israel(0)) });
  });

  it("another record of the same answer stamped in Israel's time shows the zone for all: an identical one of two hours before is not taken", () => {
    const other = lead(israel(-300), 'other');
    expect(storedSince([lead(utc(0))], SENT_AT, CLOCK, 'lead', [other, lead(utc(0))])).toEqual({
      unsure: "the leads it found carry times that read as Israel's time but one also as just now in UTC, so it could not tell whether one is this one",
    });
    expect(storedSince([lead(israel(-7200))], SENT_AT, CLOCK, 'lead', [other])).toEqual({
      unsure: "the leads it found carry times that read as Israel's time but one also as just now in UTC, so it could not tell whether one is this one",
    });
    expect(storedSince([lead(israel(-600))], SENT_AT, CLOCK, 'lead', [other])).toEqual({ absent: true });
  });

  it('a search whose answer took over two seconds to read cannot place a record stamped since: unsure', () => {
    // Its Date header came with the headers; its body took ten seconds more.
    const slow = { ...CLOCK, answeredAt: CLOCK.answeredAt + 10_000 };
    expect(decide([utc(-8)], slow)).toEqual({ unsure: 'the search answered too slowly to place the identical lead it found against when this one was sent' });
    expect(decide([utc(-3600)], slow)).toEqual({ absent: true });
  });

  it('reads a stamp to the millisecond where it has them, a decimal comma too, and Gloop\'s own now to the second', () => {
    const close = { unsure: 'a search right after found an identical lead stamped so close to when it was sent that it could not tell whether it is this one' };
    // Gloop's time when the request left is 09:59:59.700 at the earliest.
    expect(decide(['2026-12-01T09:59:59.500Z'])).toEqual(close);
    expect(decide(['2026-12-01T09:59:59.800Z'])).toEqual({ stored: lead('2026-12-01T09:59:59.800Z') });
    expect(decide(['2026-12-01T09:59:59,800Z'])).toEqual({ stored: lead('2026-12-01T09:59:59,800Z') });
    // Up to two seconds past the Date header's second is still UTC, not Israel's time.
    expect(decide(['2026-12-01T10:00:02.500Z'])).toEqual({ stored: lead('2026-12-01T10:00:02.500Z') });
  });

  it('one identical record too close to tell beside an old one: unsure', () => {
    expect(decide([utc(-4), utc(-3600)])).toEqual({ unsure: 'a search right after found an identical lead stamped so close to when it was sent that it could not tell whether it is this one' });
  });

  describe('at the exact edges of each window (Gloop\'s time when the request left: 09:59:59.700 at the earliest; its now: 10:00:03)', () => {
    const close = { unsure: 'a search right after found an identical lead stamped so close to when it was sent that it could not tell whether it is this one' };

    it('a stamp whose millisecond ends when the request left at the earliest is before it; one a millisecond later may be this one', () => {
      expect(decide(['2026-12-01T09:59:59.699Z'])).toEqual(close);
      expect(decide(['2026-12-01T09:59:59.700Z'])).toEqual({ stored: lead('2026-12-01T09:59:59.700Z') });
    });

    it('a minute before that is the last moment too close to tell; a whole second stamp counts to its end', () => {
      expect(decide(['2026-12-01T09:58:59.699Z'])).toEqual({ absent: true });
      expect(decide(['2026-12-01T09:58:59.700Z'])).toEqual(close);
      // 09:58:59 may be as late as 09:58:59.999, within the minute.
      expect(decide([utc(-61)])).toEqual(close);
      expect(decide([utc(-62)])).toEqual({ absent: true });
    });

    it("a stamp at Gloop's now is UTC and this one; beside Israel's time it may also be just now, so unsure", () => {
      expect(decide([utc(3)])).toEqual({ stored: lead(utc(3)) });
      expect(storedSince([lead(utc(3))], SENT_AT, CLOCK, 'lead', [lead(israel(0), 'other'), lead(utc(3))])).toEqual({
        unsure: "the leads it found carry times that read as Israel's time but one also as just now in UTC, so it could not tell whether one is this one",
      });
    });

    it("a stamp in Israel's time naming Gloop's now exactly is this one", () => {
      expect(decide([israel(3)])).toEqual({ stored: lead(israel(3)) });
    });

    it('a search read in exactly two seconds still places what it found', () => {
      expect(decide([utc(0)], { ...CLOCK, askedAt: CLOCK.answeredAt - 2_000 })).toEqual({ stored: lead(utc(0)) });
      expect(decide([utc(0)], { ...CLOCK, askedAt: CLOCK.answeredAt - 2_001 })).toEqual({ unsure: 'the search answered too slowly to place the identical lead it found against when this one was sent' });
    });
  });
});

describe('text as Gloop may store it', () => {
  it('runs of spaces of any kind become one, the ends trimmed, invisible marks gone', () => {
    expect(plainText('  דנה \t\n  לוי\u200f ')).toBe('דנה לוי');
    expect(plainText('Dana\u00a0\u00a0Levi')).toBe('Dana Levi');
  });

  it('the same text in any letter case, spaced any way; never a value that is not text', () => {
    expect(sameText('DANA  levi ', 'dana Levi')).toBe(true);
    expect(sameText('Dana Levi', 'Dana Lev')).toBe(false);
    expect(sameText(undefined, 'undefined')).toBe(false);
    expect(sameText('1', 1)).toBe(false);
  });
});
