import { describe, expect, it } from 'vitest';
import { withLockRoom } from './locks.ts';

// The room large transactions share in PostgreSQL's lock table (the database side is
// record-purchases.test.ts: eight batches of 1,000 at once).

function transaction(log: string[], name: string) {
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  return {
    run: async () => {
      log.push(`${name} starts`);
      await finished;
      log.push(`${name} ends`);
    },
    finish,
  };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('withLockRoom', () => {
  it('lets large transactions in while they fit, the next when one leaves room, and small ones at once', async () => {
    const log: string[] = [];
    const a = transaction(log, 'a');
    const b = transaction(log, 'b');
    const c = transaction(log, 'c');
    const small = transaction(log, 'small');
    const runs = [withLockRoom(3_000, a.run), withLockRoom(3_000, b.run), withLockRoom(3_000, c.run), withLockRoom(100, small.run)];
    await turn();
    expect(log).toEqual(['a starts', 'b starts', 'small starts']);
    a.finish();
    await turn();
    expect(log).toEqual(['a starts', 'b starts', 'small starts', 'a ends', 'c starts']);
    b.finish();
    c.finish();
    small.finish();
    await Promise.all(runs);
  });

  it('runs a transaction larger than the whole room alone, and keeps arrival order behind it', async () => {
    const log: string[] = [];
    const first = transaction(log, 'first');
    const huge = transaction(log, 'huge');
    const after = transaction(log, 'after');
    const runs = [withLockRoom(1_000, first.run), withLockRoom(50_000, huge.run), withLockRoom(1_000, after.run)];
    await turn();
    // `after` would fit beside `first`, but `huge` came before it.
    expect(log).toEqual(['first starts']);
    first.finish();
    await turn();
    expect(log).toEqual(['first starts', 'first ends', 'huge starts']);
    huge.finish();
    await turn();
    expect(log.slice(-2)).toEqual(['huge ends', 'after starts']);
    after.finish();
    await Promise.all(runs);
  });

  it('gives the room back when a transaction fails', async () => {
    await expect(withLockRoom(6_000, async () => {
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    // The whole room is free again: this does not wait.
    let ran = false;
    await withLockRoom(6_000, async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});
