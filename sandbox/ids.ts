import { createHash, randomInt } from 'node:crypto';

const ID_DIGITS = 39;

/** A fresh id shaped like Gloop's: 39 decimal digits, never a leading zero. */
export function newId(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < ID_DIGITS) digits += String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  return digits.slice(0, ID_DIGITS);
}

/** The same 39-digit id for the same seed label, so seeded users and statuses keep their ids across resets. */
export function seedId(label: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(label).digest('hex')}`).toString();
  return `${(Number(digits[0]) % 9) + 1}${digits.slice(1, ID_DIGITS)}`;
}
