import { idFrom, parseJsonKeepingBigIds } from '../src/http/json';

const ID = '233069071553535427697228277840563827497';

describe('parseJsonKeepingBigIds', () => {
  it('keeps an integer beyond 2^53 as its digits, and every other value as JSON.parse reads it', () => {
    expect(parseJsonKeepingBigIds(`{"id": ${ID}, "below": -${ID}, "qty": 10, "price": 49.9, "big": 1.5e300, "text": "${ID}", "list": [${ID}, 7]}`)).toEqual({
      id: ID,
      below: `-${ID}`,
      qty: 10,
      price: 49.9,
      big: 1.5e300,
      text: ID,
      list: [ID, 7],
    });
  });
});

describe('idFrom', () => {
  it.each([
    [ID, ID],
    [42, '42'],
    [Number.MAX_SAFE_INTEGER, String(Number.MAX_SAFE_INTEGER)],
    // Beyond 2^53 a number no longer holds the id it was sent as: 2^53 + 1 reads as 2^53.
    [2 ** 53 + 2, undefined],
    [12.5, undefined],
    ['0', undefined],
    ['', undefined],
    [{ id: ID }, undefined],
    [null, undefined],
  ])('reads %j as %j', (value, id) => {
    expect(idFrom(value)).toBe(id);
  });
});
