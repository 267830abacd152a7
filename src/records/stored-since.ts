import type { Found, GloopClockReading } from '../http/client';

/**
 * Room between Gloop's web server, which writes the `Date` header, and its database, which
 * stamps `created`: both are Gloop's, unlike this machine's clock, which is never compared.
 */
const GLOOP_CLOCKS_APART_MS = 60_000;

const ISRAEL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jerusalem',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Israel's wall clock is ahead of UTC at `instant`. */
function israelOffsetAt(instant: number): number {
  const part = Object.fromEntries(ISRAEL.formatToParts(new Date(instant)).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time in Israel, read as if it were UTC, as the instant it names. */
function fromIsraelWallClock(wall: number): number {
  return wall - israelOffsetAt(wall - israelOffsetAt(wall));
}

interface Stamp {
  at: number;
  /** A stamp without a fraction of a second may have been cut to the second. */
  within: number;
}

function stampOf(created: unknown): Stamp | undefined {
  if (typeof created !== 'string') return undefined;
  const at = Date.parse(created);
  return Number.isNaN(at) ? undefined : { at, within: /[.,]\d/.test(created) ? 1 : 1000 };
}

/**
 * Of the records identical to what a lost request carried, the one Gloop stored for it, told
 * by Gloop's own clock: the search's `Date` header, less the time (on this machine's clock) since
 * the request left, is no later than Gloop's time when it left. A record stamped before that
 * was there already, and is never taken for it. Gloop may stamp `created` in Israel's time
 * marked `Z`: a stamp later than Gloop's own "now" shows it, and every stamp is read so.
 */
export function storedSince(candidates: readonly Record<string, unknown>[], sentAt: number, clock: GloopClockReading | undefined, noun: string): Found {
  if (candidates.length === 0) return { absent: true };
  if (clock === undefined) return { unsure: `Gloop's answer to the search did not show its clock, so an identical ${noun} it holds could not be told from this one` };
  const gloopNow = clock.date + 1000 + GLOOP_CLOCKS_APART_MS;
  const stamps = candidates.map((candidate) => stampOf(candidate.created));
  const local = stamps.some((stamp) => stamp !== undefined && stamp.at > gloopNow);
  const read = stamps.map((stamp) => stamp && (local ? { ...stamp, at: fromIsraelWallClock(stamp.at) } : stamp));
  if (read.some((stamp) => stamp === undefined || stamp.at > gloopNow)) {
    return { unsure: `the ${noun} it found carries a time the app cannot read, so it could not tell whether it is this one` };
  }
  const leftAtTheEarliest = sentAt + clock.date - clock.answeredAt;
  const since = candidates.filter((_candidate, index) => read[index]!.at + read[index]!.within > leftAtTheEarliest);
  if (since.length === 0) return { absent: true };
  if (since.length > 1) return { unsure: `a search right after found ${since.length} identical ${noun}s stored since it was sent, and cannot tell which is this one` };
  return { stored: since[0]! };
}
