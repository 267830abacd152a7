/**
 * JSON.parse that keeps integers beyond 2^53 as their digits: Gloop's ids have 39 of them, and
 * its ORDS backend may send them unquoted. Node 22's reviver context gives the source text.
 */
export function parseJsonKeepingBigIds(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source)
      ? context.source
      : value,
  );
}
