import pg from 'pg';
import type { CatalogChange } from '../catalog-store';
import { checkUrl } from './team-connection';

/** How long to wait before listening again after the server went away: doubling, at most this. */
const MAX_BACKOFF_MS = 5_000;

/**
 * Every writer's edits as they commit, for the views this process shows: one connection LISTENs on the edits
 * channel; a notification names a seq, and the edits after the last one seen are read from the table (a
 * notification is only a nudge, so none is missed while reconnecting: the table is read from where we were).
 */
export class TeamChangeFeed {
  static readonly CHANNEL = 'chasing_light_edits';
  private client: pg.Client | null = null;
  private readonly listeners = new Set<(c: CatalogChange) => void>();
  private last = 0;
  private stopped = false;
  private reading: Promise<void> = Promise.resolve();
  private backoff = 250;
  private retry: NodeJS.Timeout | null = null;
  /** the server went away and the feed is listening again: said once per loss */
  onReconnect: (() => void) | null = null;

  constructor(
    private readonly url: string,
    /** seqs this process committed: announced as its own */
    private readonly own: Set<number>,
  ) {
    checkUrl(url);
  }

  async start(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'chasing-light feed' });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', () => this.readNew());
    await client.connect();
    await client.query(`listen ${TeamChangeFeed.CHANNEL}`);
    if (!this.last) {
      const r = await client.query<{ s: string | null }>('select max(seq) as s from edits');
      this.last = Number(r.rows[0]?.s ?? 0);
    }
    this.client = client;
    this.backoff = 250;
  }

  private lost(client: pg.Client) {
    if (this.client !== client || this.stopped) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.schedule();
  }

  private schedule() {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.listen().then(
        () => {
          // Whatever was committed while we were away is read now.
          this.readNew();
          this.onReconnect?.();
        },
        () => {
          this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
          this.schedule();
        },
      );
    }, this.backoff);
  }

  private readNew() {
    this.reading = this.reading.then(async () => {
      const client = this.client;
      if (!client) return;
      const r = await client
        .query<{ seq: string; who: string; keys: string[] }>(
          'select seq, who, keys from edits where seq > $1 order by seq',
          [this.last],
        )
        .catch(() => null);
      for (const row of r?.rows ?? []) {
        const seq = Number(row.seq);
        this.last = Math.max(this.last, seq);
        const change: CatalogChange = { seq, who: row.who, keys: row.keys, own: this.own.delete(seq) };
        for (const l of this.listeners) l(change);
      }
    });
  }

  subscribe(listener: (c: CatalogChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.reading.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
