/**
 * Gloop's clock as the sandbox keeps it. Gloop stamps `created` to the second, as the vendor's
 * examples show; whether it writes UTC or Israel's wall-clock time with a `Z` (as an Oracle DATE
 * read through ORDS can) is not documented, so the sandbox does either. Its clock may also run
 * ahead of or behind the client's, which nothing in the API promises against.
 */
export type CreatedClock = 'utc' | 'local';

const ISRAEL_WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jerusalem',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export class GloopClock {
  constructor(
    readonly created: CreatedClock = 'utc',
    /** How far Gloop's clock is ahead of this machine's (behind when negative). */
    readonly skewSeconds = 0,
  ) {}

  now(): number {
    return Date.now() + this.skewSeconds * 1000;
  }

  /** A record's `created`, as Gloop writes it: now, or at another moment of Gloop's clock. */
  stamp(at = this.now()): string {
    const now = new Date(at);
    if (this.created === 'utc') return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const part = Object.fromEntries(ISRAEL_WALL_CLOCK.formatToParts(now).map(({ type, value }) => [type, value]));
    return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}Z`;
  }

  /** The `Date` header of every answer: HTTP dates are always GMT. */
  httpDate(): string {
    return new Date(this.now()).toUTCString();
  }
}
