/**
 * JSON.parse that keeps integers beyond 2^53 as their digits: Gloop's ids have 39 of them, and
 * its ORDS backend may send them unquoted. Node 22's reviver context gives the source text.
 */
export function parseJsonKeepingBigIds(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
    !Number.isSafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source)
      ? context.source
      : value,
  );
}

/** A Gloop id: up to 39 digits, without a leading zero ("0", "000" and 60 digits are not ids). */
export const GLOOP_ID = /^[1-9]\d{0,38}$/;

/** An id as Gloop sent it, or nothing: a short id may come as a bare number, which holds it exactly; a long one never does. */
export function idFrom(value: unknown): string | undefined {
  const text = Number.isSafeInteger(value) ? String(value) : value;
  return typeof text === 'string' && GLOOP_ID.test(text) ? text : undefined;
}
