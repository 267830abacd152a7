import type { LocalZap } from './local-zap';

type Result = Record<string, unknown>;

/** A polling trigger as its definition says: its key, and the outputs Zapier deduplicates on. */
export interface PolledTrigger {
  key: string;
  operation: { outputFields?: readonly unknown[] };
}

const isPrimary = (field: unknown): field is { key: string } => typeof field === 'object' && field !== null && (field as { primary?: unknown }).primary === true;

/**
 * What Zapier does with a polling trigger: the first poll, as a Zap is turned on, only records
 * what exists; each later poll fires the results it has not seen, told apart by the trigger's
 * primary output fields (the `id` alone when it has none).
 */
export class LocalPoller {
  private readonly seen = new Set<string>();
  private readonly primary: string[];
  private started = false;

  constructor(
    private readonly zap: LocalZap,
    private readonly trigger: PolledTrigger,
  ) {
    const primary = (trigger.operation.outputFields ?? []).filter(isPrimary).map((field) => field.key);
    this.primary = primary.length > 0 ? primary : ['id'];
  }

  /** The results this poll fires: none on the first. */
  async poll(): Promise<Result[]> {
    const first = !this.started;
    const results = await this.zap.run<Result[]>(`triggers.${this.trigger.key}.operation.perform`, { meta: { isPopulatingDedupe: first } as never });
    this.started = true;
    const fired = results.filter((result) => !this.seen.has(this.keyOf(result)));
    for (const result of results) this.seen.add(this.keyOf(result));
    return first ? [] : fired;
  }

  private keyOf(result: Result): string {
    return JSON.stringify(this.primary.map((key) => result[key]));
  }
}
