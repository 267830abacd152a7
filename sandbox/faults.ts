/** Ways the sandbox can misbehave on purpose, so tests can prove what the app makes of each. */
/**
 * `none` lets a call through untouched: it spaces faults out in a sequence. The `store-then-…`
 * kinds do the call's work (a lead is stored, a token issued) and then lose the answer: the
 * connection dropped, the answer withheld, or its body cut off or stalled half-way.
 */
export const FAULT_KINDS = [
  '429',
  '500',
  '503',
  'hang',
  'drop',
  'no-id',
  'not-json',
  'none',
  'store-then-drop',
  'store-then-withhold',
  'store-then-cut-body',
  'store-then-stall-body',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** Seconds, sent as Retry-After with a 429. */
  retryAfter?: number;
}

interface Armed extends Fault {
  remaining: number;
}

/** The next N calls to a path answer with a fault instead of doing their work (nothing is stored), or after it (`store-then-…`). */
export class Faults {
  private readonly armed = new Map<string, Armed[]>();
  /** How many calls did their work (a 2xx) and then lost the answer: what a client must find out by itself. */
  lostAfterWork = 0;

  arm(path: string, fault: Fault, times: number): void {
    if (!FAULT_KINDS.includes(fault.kind)) throw new Error(`unknown fault "${fault.kind}"; one of ${FAULT_KINDS.join(', ')}`);
    if (!Number.isInteger(times) || times < 1) throw new Error('times must be a whole number of at least 1');
    this.armed.set(path, [...(this.armed.get(path) ?? []), { ...fault, remaining: times }]);
  }

  clear(): void {
    this.armed.clear();
  }

  /** The fault for this call, if one is armed for its path, used up one call at a time. */
  take(path: string): Fault | undefined {
    const queue = this.armed.get(path);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining === 0) queue.shift();
    return next.kind === 'none' ? undefined : { kind: next.kind, retryAfter: next.retryAfter };
  }
}
