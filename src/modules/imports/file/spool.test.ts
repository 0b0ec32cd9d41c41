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
