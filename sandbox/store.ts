import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  LEAD_STATUS,
  SALE_STATUSES,
  seedUser,
  SIGNATURE_TEMPLATES,
  SMS_TEMPLATES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TICKET_DEPARTMENTS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type Choice,
} from './seed';

export type RecordKind = 'LEADS' | 'ACCOUNTS' | 'NOTES' | 'TASKS' | 'SMS' | 'DOCUMENTS' | 'TICKETS' | 'LINKS' | 'TIMERS' | 'SALES' | 'PRODUCTS' | 'CATEGORIES' | 'MOVEMENTS';
export type ChoiceKind =
  | 'users'
  | 'lead_statuses'
  | 'account_statuses'
  | 'account_types'
  | 'task_statuses'
  | 'task_priorities'
  | 'sms_templates'
  | 'signature_templates'
  | 'ticket_statuses'
  | 'ticket_departments'
  | 'ticket_priorities'
  | 'sale_statuses';

export interface StoredRecord {
  kind: RecordKind;
  id: string;
  created: string;
  /** When it last changed: its `created` until a person edits it (`POST /__sandbox/touch`). */
  updated: string;
  /** The request body exactly as it arrived. */
  raw: string;
  fields: Record<string, unknown>;
}

/** What Gloop's search asks of the records: their kinds, the start of their phone, and the order. */
export interface RecordQuery {
  kinds: RecordKind[];
  phoneStart?: string;
  orderBy: 'created' | 'updated';
  order: 'asc' | 'desc';
}

/** The first character of a stored phone, indexed so that a search by a phone's start stays quick in a large account. */
const PHONE = "lower(json_extract(fields, '$.phone'))";
const PHONE_FIRST = `substr(${PHONE}, 1, 1)`;

export interface Page {
  items: Choice[];
  hasMore: boolean;
}

const RECORD = 'kind, id, created, updated, raw, fields';

function recordOf(row: unknown): StoredRecord {
  const { fields, ...rest } = row as Omit<StoredRecord, 'fields'> & { fields: string };
  return { ...rest, fields: JSON.parse(fields) as Record<string, unknown> };
}

/** The sandbox's data: a node:sqlite file (or `:memory:`), seeded like a fresh Gloop account. */
export class Store {
  private readonly db: DatabaseSync;

  constructor(
    readonly path: string,
    private readonly userCount: number,
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS choices (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, is_active TEXT NOT NULL, created TEXT);
      CREATE INDEX IF NOT EXISTS choices_by_kind ON choices (kind, seq);
      CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL UNIQUE, created TEXT NOT NULL, raw TEXT NOT NULL, fields TEXT NOT NULL, updated TEXT);
      CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
    `);
    // A database made before records kept their own `updated`.
    const columns = this.db.prepare('PRAGMA table_info(records)').all() as { name: string }[];
    if (!columns.some((column) => column.name === 'updated')) this.db.exec('ALTER TABLE records ADD COLUMN updated TEXT; UPDATE records SET updated = created;');
    this.db.exec(`
      CREATE INDEX IF NOT EXISTS records_by_phone_created ON records (kind, ${PHONE_FIRST}, created);
      CREATE INDEX IF NOT EXISTS records_by_phone_updated ON records (kind, ${PHONE_FIRST}, updated);
    `);
    this.seed();
  }

  /** Empties the account back to its seed. */
  reset(): void {
    this.db.exec('DELETE FROM choices; DELETE FROM records; DELETE FROM tokens;');
    this.seed();
  }

  close(): void {
    this.db.close();
  }

  private seed(): void {
    const insert = this.db.prepare('INSERT INTO choices (kind, id, name, is_active, created) VALUES (?, ?, ?, ?, ?)');
    this.db.exec('BEGIN');
    if (this.count('users') === 0) {
      for (let index = 0; index < this.userCount; index += 1) {
        const user = seedUser(index);
        insert.run('users', user.id, user.name, user.is_active, user.created);
      }
    }
    const lists: [ChoiceKind, Choice[]][] = [
      ['lead_statuses', Object.values(LEAD_STATUS)],
      ['account_statuses', ACCOUNT_STATUSES],
      ['account_types', ACCOUNT_TYPES],
      ['task_statuses', TASK_STATUSES],
      ['task_priorities', TASK_PRIORITIES],
      ['sms_templates', SMS_TEMPLATES],
      ['signature_templates', SIGNATURE_TEMPLATES],
      ['ticket_statuses', TICKET_STATUSES],
      ['ticket_departments', TICKET_DEPARTMENTS],
      ['ticket_priorities', TICKET_PRIORITIES],
      ['sale_statuses', SALE_STATUSES],
    ];
    // Only the lists a database lacks: one made by an earlier sandbox gets the newer lists once.
    for (const [kind, choices] of lists) if (this.count(kind) === 0) for (const item of choices) insert.run(kind, item.id, item.name, item.is_active, null);
    this.db.exec('COMMIT');
  }

  count(kind: ChoiceKind): number {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM choices WHERE kind = ?').get(kind) as { n: number }).n);
  }

  page(kind: ChoiceKind, offset: number, limit: number): Page {
    const rows = this.db
      .prepare('SELECT id, name, is_active, created FROM choices WHERE kind = ? ORDER BY seq LIMIT ? OFFSET ?')
      .all(kind, limit + 1, offset) as unknown as (Choice & { created: string | null })[];
    const items = rows.slice(0, limit).map(({ created, ...item }) => (created ? { ...item, created } : item));
    return { items, hasMore: rows.length > limit };
  }

  /** More entries at the end of a list: a long list of statuses for paging tests. */
  addChoices(kind: ChoiceKind, choices: Iterable<Choice>): void {
    const insert = this.db.prepare('INSERT INTO choices (kind, id, name, is_active, created) VALUES (?, ?, ?, ?, ?)');
    this.db.exec('BEGIN');
    for (const choice of choices) insert.run(kind, choice.id, choice.name, choice.is_active, null);
    this.db.exec('COMMIT');
  }

  findChoice(kind: ChoiceKind, id: string): Choice | undefined {
    return this.db.prepare('SELECT id, name, is_active FROM choices WHERE kind = ? AND id = ?').get(kind, id) as Choice | undefined;
  }

  addRecord(record: StoredRecord): void {
    this.db
      .prepare('INSERT INTO records (kind, id, created, updated, raw, fields) VALUES (?, ?, ?, ?, ?, ?)')
      .run(record.kind, record.id, record.created, record.updated, record.raw, JSON.stringify(record.fields));
  }

  /** Many records in one transaction: an account of 100,000 leads for the benchmarks. */
  addRecords(records: Iterable<StoredRecord>): void {
    this.db.exec('BEGIN');
    try {
      for (const record of records) this.addRecord(record);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Newest first. */
  records(kind?: RecordKind): StoredRecord[] {
    const rows = kind ? this.db.prepare(`SELECT ${RECORD} FROM records WHERE kind = ? ORDER BY seq DESC`).all(kind) : this.db.prepare(`SELECT ${RECORD} FROM records ORDER BY seq DESC`).all();
    return rows.map(recordOf);
  }

  /** The records a search matches, in its order, read one at a time so a search can stop at its limit. */
  *query({ kinds, phoneStart, orderBy, order }: RecordQuery): Generator<StoredRecord> {
    const byPhone = phoneStart === undefined ? '' : ` AND ${PHONE_FIRST} = ? AND ${PHONE} LIKE ? ESCAPE '!'`;
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const statement = this.db.prepare(
      `SELECT ${RECORD} FROM records WHERE kind IN (${kinds.map(() => '?').join(', ')})${byPhone} ORDER BY ${orderBy === 'updated' ? 'updated' : 'created'} ${direction}, seq ${direction}`,
    );
    const start = phoneStart?.toLowerCase() ?? '';
    // SQLite's substr counts characters, not UTF-16 units: an emoji is one.
    const phone = phoneStart === undefined ? [] : [[...start][0] ?? '', `${start.replace(/[!%_]/g, '!$&')}%`];
    for (const row of statement.iterate(...kinds, ...phone)) yield recordOf(row);
  }

  /** A person changed the record in Gloop's screens: only its `updated` moves. */
  touch(kinds: RecordKind[], id: string, updated: string): boolean {
    const { changes } = this.db.prepare(`UPDATE records SET updated = ? WHERE id = ? AND kind IN (${kinds.map(() => '?').join(', ')})`).run(updated, id, ...kinds);
    return Number(changes) > 0;
  }

  /** A record's fields after a change (a timer stopped): the record keeps its place and its raw body. */
  updateFields(kind: RecordKind, id: string, fields: Record<string, unknown>): void {
    this.db.prepare('UPDATE records SET fields = ? WHERE kind = ? AND id = ?').run(JSON.stringify(fields), kind, id);
  }

  hasRecord(kind: RecordKind, id: string): boolean {
    return this.db.prepare('SELECT 1 FROM records WHERE kind = ? AND id = ?').get(kind, id) !== undefined;
  }

  addToken(token: string, expiresAt: number): void {
    this.db.prepare('INSERT INTO tokens (token, expires_at) VALUES (?, ?)').run(token, expiresAt);
  }

  tokenIsValid(token: string, now: number): boolean {
    const row = this.db.prepare('SELECT expires_at FROM tokens WHERE token = ?').get(token) as { expires_at: number } | undefined;
    return row !== undefined && row.expires_at > now;
  }

  expireTokens(): void {
    this.db.exec('UPDATE tokens SET expires_at = 0');
  }
}

