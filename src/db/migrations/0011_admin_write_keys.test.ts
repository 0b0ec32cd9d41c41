import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';

it('allows one gift card and one campaign per admin key, and any number without one', async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    const card = (code: string, key: string | null) =>
      db.insertInto('gift_cards').values({ code, currency: 'EUR', initial_minor: 100, balance_minor: 100, created_at: new Date(), idempotency_key: key, request_hash: key && 'h' }).execute();
    await card('A1', 'k');
    await card('A2', null);
    await card('A3', null);
    await expect(card('A4', 'k')).rejects.toMatchObject({ code: '23505' });

    const campaign = (id: string, key: string | null) =>
      db.insertInto('coupon_campaigns').values({ id, name: 'c', benefit: '{}', codes: 1, max_uses: 1, created_by: 'test', created_at: new Date(), idempotency_key: key, request_hash: key && 'h' }).execute();
    await campaign('00000000-0000-4000-8000-000000000001', 'k');
    await campaign('00000000-0000-4000-8000-000000000002', null);
    await campaign('00000000-0000-4000-8000-000000000003', null);
    await expect(campaign('00000000-0000-4000-8000-000000000004', 'k')).rejects.toMatchObject({ code: '23505' });

    const { rows } = await sql<{ indexname: string }>`
      SELECT indexname FROM pg_indexes WHERE indexname IN ('gift_cards_idempotency_key', 'coupon_campaigns_idempotency_key') ORDER BY 1`.execute(db);
    expect(rows.map((r) => r.indexname)).toEqual(['coupon_campaigns_idempotency_key', 'gift_cards_idempotency_key']);
  } finally {
    await database.close();
  }
});
