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
  /** The request body exactly as it arrived. */
  raw: string;
  fields: Record<string, unknown>;
}

export interface Page {
  items: Choice[];
  hasMore: boolean;
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
      CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL UNIQUE, created TEXT NOT NULL, raw TEXT NOT NULL, fields TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
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

  findChoice(kind: ChoiceKind, id: string): Choice | undefined {
    return this.db.prepare('SELECT id, name, is_active FROM choices WHERE kind = ? AND id = ?').get(kind, id) as Choice | undefined;
  }

  addRecord(record: StoredRecord): void {
    this.db
      .prepare('INSERT INTO records (kind, id, created, raw, fields) VALUES (?, ?, ?, ?, ?)')
      .run(record.kind, record.id, record.created, record.raw, JSON.stringify(record.fields));
  }

  /** Newest first. */
  records(kind?: RecordKind): StoredRecord[] {
    const rows = (
      kind
        ? this.db.prepare('SELECT kind, id, created, raw, fields FROM records WHERE kind = ? ORDER BY seq DESC').all(kind)
        : this.db.prepare('SELECT kind, id, created, raw, fields FROM records ORDER BY seq DESC').all()
    ) as unknown as (Omit<StoredRecord, 'fields'> & { fields: string })[];
    return rows.map((row) => ({ ...row, fields: JSON.parse(row.fields) as Record<string, unknown> }));
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

