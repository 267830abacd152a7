/**
 * A small evaluator for exactly the subset of Make's IML that scripts/make/app.ts emits, so that
 * `npm run make:render` and the tests can render the Make app's requests. It is a re-implementation
 * written from Make's documentation, not Make: what it proves is that the generated templates say
 * what we mean under these rules; what Make itself does with them only Make can prove.
 *
 * The subset: `{{…}}` templates (a template that is one expression keeps the value's type), paths
 * (`parameters.x`, `body.items`), string/number/null literals, regular-expression literals, `+ - *`,
 * `= != < <= > >=`, and the functions ifempty, if, trim, lower, substring, encodeURL, replace, contains, split, length, base64, merge, distinct, keys, addSeconds and formatDate,
 * with arguments separated by `;` as in Make, and the keyword `now`.
 */

export type Scope = Record<string, unknown>;

type Token = { kind: 'number'; value: number } | { kind: 'string'; value: string } | { kind: 'regex'; value: RegExp } | { kind: 'name'; value: string } | { kind: 'op'; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const operandExpected = () => tokens.length === 0 || (tokens[tokens.length - 1].kind === 'op' && tokens[tokens.length - 1].value !== ')');
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(rest);
    const name = /^[A-Za-z_][\w]*(\.[\w]+)*/.exec(rest);
    const op = /^(!=|<=|>=|[-+*=<>();])/.exec(rest);
    const regex = /^\/((?:\\.|[^/\\])+)\/([gimsu]*)/.exec(rest);
    if (rest[0] === '"' || rest[0] === "'") {
      let end = 1;
      let value = '';
      while (end < rest.length && rest[end] !== rest[0]) {
        if (rest[end] === '\\') {
          value += JSON.parse(`"\\${rest[end + 1]}"`) as string;
          end += 2;
        } else value += rest[end++];
      }
      if (end >= rest.length) throw new SyntaxError(`unterminated string in ${source}`);
      tokens.push({ kind: 'string', value });
      at += end + 1;
    } else if (regex && operandExpected()) {
      tokens.push({ kind: 'regex', value: new RegExp(regex[1], regex[2]) });
      at += regex[0].length;
    } else if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      at += number[0].length;
    } else if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      at += name[0].length;
    } else if (op) {
      tokens.push({ kind: 'op', value: op[0] });
      at += op[0].length;
    } else throw new SyntaxError(`unexpected "${rest[0]}" in ${source}`);
  }
  return tokens;
}

type Node = { literal: unknown } | { path: string } | { call: string; args: Node[] } | { op: string; left: Node; right: Node };

function parse(source: string): Node {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (...ops: string[]) => peek()?.kind === 'op' && ops.includes(peek().value as string);
  const expect = (op: string) => {
    if (!isOp(op)) throw new SyntaxError(`expected "${op}" in ${source}`);
    at += 1;
  };
  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let left = next();
    while (isOp(...ops)) {
      const op = tokens[at++].value as string;
      left = { op, left, right: next() };
    }
    return left;
  };
  const primary = (): Node => {
    const token = tokens[at++];
    if (!token) throw new SyntaxError(`unexpected end of ${source}`);
    if (token.kind === 'number' || token.kind === 'string' || token.kind === 'regex') return { literal: token.value };
    if (token.kind === 'op' && token.value === '(') {
      const inner = comparison();
      expect(')');
      return inner;
    }
    if (token.kind === 'name') {
      if (token.value === 'null') return { literal: null };
      if (token.value === 'true' || token.value === 'false') return { literal: token.value === 'true' };
      if (isOp('(')) {
        at += 1;
        const args: Node[] = [];
        while (!isOp(')')) {
          args.push(comparison());
          if (isOp(';')) at += 1;
        }
        expect(')');
        return { call: token.value, args };
      }
      return { path: token.value };
    }
    throw new SyntaxError(`unexpected "${String(token.value)}" in ${source}`);
  };
  const product = binary(primary, ['*']);
  const sum = binary(product, ['+', '-']);
  const comparison = binary(sum, ['=', '!=', '<', '<=', '>', '>=']);
  const tree = comparison();
  if (at !== tokens.length) throw new SyntaxError(`unexpected "${String(tokens[at].value)}" in ${source}`);
  return tree;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';
const asText = (value: unknown) => (value instanceof Date ? value.toISOString() : isEmpty(value) ? '' : String(value));
const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /^\d{4}-/.test(value) ? Date.parse(value) : value);

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  ifempty: (value, otherwise) => (isEmpty(value) ? otherwise : value),
  if: (condition, then, otherwise) => (condition ? then : otherwise),
  trim: (value) => asText(value).trim(),
  lower: (value) => asText(value).toLowerCase(),
  substring: (value, start, end) => asText(value).substring(Number(start), end === undefined ? undefined : Number(end)),
  // Half of a surrogate pair has no UTF-8: it goes as U+FFFD, where encodeURIComponent would throw.
  encodeURL: (value) => encodeURIComponent((asText(value) as string & { toWellFormed(): string }).toWellFormed()),
  replace: (value, pattern, replacement) => (isEmpty(value) ? value : asText(value).replace(pattern as RegExp | string, asText(replacement))),
  contains: (haystack, needle) => (Array.isArray(haystack) ? haystack.includes(needle) : asText(haystack).includes(asText(needle))),
  split: (value, separator) => asText(value).split(asText(separator)),
  length: (value) => (Array.isArray(value) ? value.length : asText(value).length),
  base64: (value) => Buffer.from(asText(value), 'utf8').toString('base64'),
  merge: (...arrays) => arrays.flatMap((array) => (Array.isArray(array) ? array : [])),
  // The first of the items that hold the same value under `key`.
  distinct: (array, key) => {
    const seen = new Set<unknown>();
    return (Array.isArray(array) ? array : []).filter((item) => {
      const value = (item as Record<string, unknown> | null)?.[asText(key)];
      if (seen.has(value)) return false;
      seen.add(value);
      return true;
    });
  },
  keys: (value) => (value !== null && typeof value === 'object' ? Object.keys(value) : []),
  // A date it cannot read is none.
  addSeconds: (date, seconds) => {
    const time = comparable(date);
    return typeof time === 'number' && !Number.isNaN(time) ? new Date(time + Number(seconds) * 1000) : null;
  },
  // Only the two formats the generator emits: the day of an ISO date as written, and a moment in UTC.
  formatDate: (date, format, timezone) => {
    if (isEmpty(date)) return date;
    if (format === 'YYYY-MM-DD') return /^\d{4}-\d{2}-\d{2}/.exec(asText(date))?.[0];
    if (format === 'YYYY-MM-DDTHH:mm:ss[Z]' && timezone === 'UTC') return new Date(comparable(date) as number).toISOString().replace(/\.\d{3}Z$/, 'Z');
    throw new Error(`formatDate(${String(format)}; ${String(timezone)}) is outside the subset this evaluator knows`);
  },
};

function evaluate(node: Node, scope: Scope): unknown {
  if ('literal' in node) return node.literal;
  if ('path' in node) {
    if (node.path === 'now') return scope.now;
    return node.path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), scope);
  }
  if ('call' in node) {
    const fn = FUNCTIONS[node.call];
    if (!fn) throw new Error(`IML function ${node.call} is outside the subset this evaluator knows`);
    return fn(...node.args.map((arg) => evaluate(arg, scope)));
  }
  const left = evaluate(node.left, scope);
  const right = evaluate(node.right, scope);
  switch (node.op) {
    case '+':
      return typeof left === 'number' && typeof right === 'number' ? left + right : asText(left) + asText(right);
    case '-':
      return Number(left) - Number(right);
    case '*':
      return Number(left) * Number(right);
    case '=':
      return asText(left) === asText(right);
    case '!=':
      return asText(left) !== asText(right);
    default: {
      const [a, b] = [comparable(left), comparable(right)] as [number, number];
      return node.op === '<' ? a < b : node.op === '<=' ? a <= b : node.op === '>' ? a > b : a >= b;
    }
  }
}

/** One template: a string of text and `{{…}}`; a template that is one expression keeps the value's type. */
export function renderTemplate(template: string, scope: Scope): unknown {
  const whole = /^\{\{([\s\S]*)\}\}$/.exec(template);
  if (whole && !whole[1].includes('}}')) return evaluate(parse(whole[1]), scope);
  return template.replace(/\{\{([\s\S]*?)\}\}/g, (_match, expression: string) => asText(evaluate(parse(expression), scope)));
}

/** Every template in a value, depth first; a key whose value renders to nothing (undefined) is left out. */
export function render(value: unknown, scope: Scope): unknown {
  if (typeof value === 'string') return renderTemplate(value, scope);
  if (Array.isArray(value)) return value.map((item) => render(item, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).flatMap(([key, item]) => {
        const rendered = render(item, scope);
        return rendered === undefined ? [] : [[key, rendered]];
      }),
    );
  }
  return value;
}
