import { sql } from 'kysely';
import pg from 'pg';
import { sendLater } from './pipeline.ts';
import type { Tx } from './index.ts';

// What one process changes and the others cache (the loyalty program): on PostgreSQL the
// CLI writes to the database itself while servers run, and a server learns of the change
// through LISTEN/NOTIFY at once rather than when its cache expires. The notification is
// sent with the change's transaction, so it arrives only if the change was committed.

/** Tells every listening process, when this transaction commits, that `channel`'s data changed. */
export async function notifyOnCommit(trx: Tx, channel: string): Promise<void> {
  await sendLater(trx, sql`SELECT pg_notify(${channel}, '')`);
}

const RECONNECT_MS = 1_000;

/**
 * Calls `onChange` for every notification on `channel`, over a connection of its own. While
 * that connection is down a notification may be missed, so losing it counts as a change
 * too; it reconnects every second until stopped. Resolves with the function that stops it.
 */
export async function listenOnPostgres(url: string, channel: string, onChange: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const reconnectLater = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      open().catch(reconnectLater);
    }, RECONNECT_MS);
    retry.unref();
  };

  async function open(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('error', () => undefined); // 'end' follows
    c.on('notification', (n) => {
      if (n.channel === channel) onChange();
    });
    c.once('end', () => {
      if (stopped) return;
      onChange();
      reconnectLater();
    });
    await c.connect();
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  }

  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
