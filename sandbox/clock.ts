/**
 * Gloop's clock as the sandbox keeps it. Gloop stamps `created` to the second, as the vendor's
 * examples show; whether it writes UTC or Israel's wall-clock time with a `Z` (as an Oracle DATE
 * read through ORDS can) is not documented, so the sandbox does either. Its clock may also run
 * ahead of or behind the client's, which nothing in the API promises against.
 */
export type CreatedClock = 'utc' | 'local';

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
    const moment = new Date(at);
    if (this.created === 'utc') return moment.toISOString().replace(/\.\d{3}Z$/, 'Z');
    // Sweden's way of writing a date and time is ISO's, less the T.
    return `${moment.toLocaleString('sv-SE', { timeZone: 'Asia/Jerusalem' }).replace(' ', 'T')}Z`;
  }

  /** The `Date` header of every answer: HTTP dates are always GMT. */
  httpDate(): string {
    return new Date(this.now()).toUTCString();
  }
}
