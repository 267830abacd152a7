/** The first run of 8 characters of a secret, in any letter case, that a text shows; or nothing. */
export function secretShownIn(text: string, secrets: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const runs = secrets.flatMap((secret) => Array.from({ length: Math.max(1, secret.length - 7) }, (_, start) => secret.slice(start, start + 8).toLowerCase()));
  return runs.find((run) => lower.includes(run));
}
