import type { Found, GloopClockReading } from '../http/client';

/**
 * Gloop's web server writes the `Date` header, its database stamps `created`: both are Gloop's,
 * unlike this machine's clock, which is never compared with either. The database is taken to run
 * at most this far ahead of the web server: a stamp later than that is not of UTC.
 */
const DATABASE_AHEAD_MS = 2_000;
/**
 * And it may run this far behind: a record stamped up to this much before the request left could
 * be the one it stored, so the step says it cannot tell rather than "not saved", which a replay
 * would double.
 */
const DATABASE_BEHIND_MS = 60_000;
/**
 * A lookup that took longer cannot place Gloop's clock well enough: its `Date` header may have
 * been written any time before its body ended, which would let an older record pass for new.
 */
const SLOWEST_LOOKUP_MS = 2_000;
/** Gloop writes ISO 8601 date-times; `Date.parse` would also take "12" or "July 15". */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

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

/**
 * The instants a wall-clock time in Israel (read as if it were UTC) names: one, or two in the
 * hour the clocks go back, or none in the hour they skip.
 */
function fromIsraelWallClock(wall: number): number[] {
  const offsets = new Set([2, 3].map((hours) => israelOffsetAt(wall - hours * 3_600_000)));
  return [...offsets].map((offset) => wall - offset).filter((instant) => instant + israelOffsetAt(instant) === wall);
}

interface Stamp {
  at: number;
  /** A stamp without a fraction of a second may have been cut to the second. */
  within: number;
}

function stampOf(created: unknown): Stamp | undefined {
  if (typeof created !== 'string' || !ISO_DATE_TIME.test(created)) return undefined;
  const at = Date.parse(created.replace(',', '.'));
  return Number.isNaN(at) ? undefined : { at, within: /[.,]\d/.test(created) ? 1 : 1000 };
}

/**
 * Of the records identical to what a lost request carried, the one Gloop stored for it, told by
 * Gloop's own clock: the search's `Date` header, less the time (on this machine's clock) since the
 * request left, is no later than Gloop's time when it left, and a record stamped before that was
 * there already. Gloop may stamp `created` in Israel's time marked `Z`: a stamp later than Gloop's
 * own "now" shows it. What the stamps cannot settle is "unsure", never "stored" or "absent".
 */
export function storedSince(
  candidates: readonly Record<string, unknown>[],
  sentAt: number,
  clock: GloopClockReading | undefined,
  noun: string,
  /** Every record of the same answer: any of them may show that Gloop writes Israel's time. */
  answered: readonly Record<string, unknown>[] = candidates,
): Found {
  if (candidates.length === 0) return { absent: true };
  if (clock === undefined) return { unsure: `Gloop's answer to the search did not show its clock, so an identical ${noun} it holds could not be told from this one` };
  const unreadable = { unsure: `the ${noun} it found carries a time the app cannot read, so it could not tell whether it is this one` };
  const stamps = candidates.map((candidate) => stampOf(candidate.created));
  if (!stamps.every((stamp): stamp is Stamp => stamp !== undefined)) return unreadable;
  const gloopNow = clock.date + 1000 + DATABASE_AHEAD_MS;
  const leftAtTheEarliest = sentAt + clock.date - clock.answeredAt;
  const since = (stamp: Stamp) => stamp.at + stamp.within > leftAtTheEarliest;
  const tooCloseToTell = (stamp: Stamp) => !since(stamp) && stamp.at + stamp.within + DATABASE_BEHIND_MS > leftAtTheEarliest;
  const local = [...answered, ...candidates].some((record) => (stampOf(record.created)?.at ?? 0) > gloopNow);
  if (local) {
    // Read as UTC, such a stamp would be of about now: a record two or three hours old, or a clock that mixes zones.
    if (stamps.some((stamp) => stamp.at <= gloopNow && (since(stamp) || tooCloseToTell(stamp)))) {
      return { unsure: `the ${noun}s it found carry times that read as Israel's time but one also as just now in UTC, so it could not tell whether one is this one` };
    }
  }
  const read: Stamp[] = [];
  for (const stamp of stamps) {
    const instants = local ? fromIsraelWallClock(stamp.at) : [stamp.at];
    // An hour the clocks went back names two instants; the hour they skipped, none.
    if (instants.length !== 1 || instants[0] > gloopNow) return unreadable;
    read.push({ ...stamp, at: instants[0] });
  }
  const stored = candidates.filter((_candidate, index) => since(read[index]));
  if (stored.length > 0 && clock.answeredAt - clock.askedAt > SLOWEST_LOOKUP_MS) {
    return { unsure: `the search answered too slowly to place the identical ${noun} it found against when this one was sent` };
  }
  if (stored.length > 1) return { unsure: `a search right after found ${stored.length} identical ${noun}s stored since it was sent, and cannot tell which is this one` };
  if (stored.length === 1) return { stored: stored[0] };
  if (read.some(tooCloseToTell)) return { unsure: `a search right after found an identical ${noun} stamped so close to when it was sent that it could not tell whether it is this one` };
  return { absent: true };
}

/** The same text, however Gloop wrote it back: spaces run together, invisible marks gone, any letter case. */
export function sameText(stored: unknown, sent: unknown): boolean {
  return typeof stored === 'string' && typeof sent === 'string' && plainText(stored).toLowerCase() === plainText(sent).toLowerCase();
}

/** Text as Gloop may store it: spaces run together and trimmed, invisible marks gone. */
export function plainText(text: string): string {
  return text.replace(/\p{Cf}/gu, '').replace(/\s+/g, ' ').trim();
}
