import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPurchaseSpool } from './spool.ts';

describe('purchase spool', () => {
  it('removes its folder even before its file was opened, without an error event that would stop the process', async () => {
    const spool = createPurchaseSpool();
    const dir = path.dirname(spool.path);
    spool.remove(); // the write stream opens its file asynchronously: not yet
    await new Promise((r) => setTimeout(r, 100));
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('the order the import pass reads', () => {
  const purchase = (externalId: string, at: string) => ({ externalId, occurredAt: new Date(at) }) as unknown as Parameters<ReturnType<typeof createPurchaseSpool>['add']>[0][number]['prepared'];
  const spooled = async (rows: [string, string][]) => {
    const spool = createPurchaseSpool();
    await spool.add(rows.map(([id, at], i) => ({ line: i + 2, prepared: purchase(id, at), refundedMinor: i })));
    await spool.finish();
    const read: string[][] = [];
    for await (const batch of spool.read(2)) read.push(batch.map((r) => `${r.prepared.externalId}@${r.line}/${r.refundedMinor}`));
    spool.remove();
    return read;
  };

  it('is the time order, equal times as in the file, whatever order the file is in', async () => {
    // An export sorted by store, then by date: each store's rows in time order, the stores after each other.
    expect(await spooled([
      ['A-2', '2026-02-10T10:00:00Z'], ['A-5', '2026-03-01T10:00:00Z'], ['B-1', '2026-01-10T10:00:00Z'], ['B-3', '2026-02-10T10:00:00Z'], ['B-4', '2026-02-11T09:00:00Z'],
    ])).toEqual([['B-1@4/2', 'A-2@2/0'], ['B-3@5/3', 'B-4@6/4'], ['A-5@3/1']]);
  });

  it('is the file\'s order for a file in time order (read straight through)', async () => {
    expect(await spooled([['X-1', '2026-01-01T10:00:00Z'], ['X-2', '2026-01-01T10:00:00Z'], ['X-3', '2026-01-02T10:00:00Z']])).toEqual([['X-1@2/0', 'X-2@3/1'], ['X-3@4/2']]);
  });

  it('reads back names in any script from where each was written', async () => {
    const spool = createPurchaseSpool();
    const prepared = (id: string, at: string, name: string) => Object.assign(purchase(id, at), { profile: { fields: { name } } });
    await spool.add([{ line: 2, prepared: prepared('P-2', '2026-01-02T00:00:00Z', 'Пётр Şükrü Åse'), refundedMinor: 0 }, { line: 3, prepared: prepared('P-1', '2026-01-01T00:00:00Z', 'Špela Čebelič'), refundedMinor: 0 }]);
    await spool.finish();
    const read = [];
    for await (const batch of spool.read(10)) read.push(...batch.map((r) => (r.prepared as unknown as { profile: { fields: { name: string } } }).profile.fields.name));
    spool.remove();
    expect(read).toEqual(['Špela Čebelič', 'Пётр Şükrü Åse']);
  });
});
