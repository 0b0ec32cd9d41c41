import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A campaign's codes as a CSV download, streamed: read from the database a page at a time
// (in code order, by keyset) and written to the reply as each page comes, so a campaign of
// 100,000 codes is never held whole. The bytes are those the download always gave.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'], till: ['read', 'write'] } });
let small: string;

beforeAll(async () => {
  api.services.clock.set('2026-05-01T10:00:00Z');
  const made = await api.call('POST', '/api/v1/coupons/campaigns', {
    body: { name: 'Codes, "quoted" ČŠŽ', idempotency_key: 'small', benefit: { type: 'fixed_discount', amount: '2.00' }, count: 3, max_uses: 2, valid_from: '2026-05-01T00:00:00Z', expires_at: '2026-12-31T23:00:00Z' },
  });
  small = made.json().id;
  // Codes of known letters, so the download can be written out byte for byte.
  const codes = (await api.services.db.selectFrom('coupons').select('code').where('campaign_id', '=', small).orderBy('code').execute()).map((c) => c.code);
  for (const [i, code] of codes.entries()) {
    await api.services.db.updateTable('coupons').set({ code: ['AAAA2222BBBB', 'CCCC3333DDDD', 'EEEE4444FFFF'][i] }).where('code', '=', code).execute();
  }
  api.services.clock.set('2026-05-20T08:30:00Z');
  for (const [code, key] of [['AAAA-2222-BBBB', 'a1'], ['CCCC-3333-DDDD', 'c1']]) await api.call('POST', `/api/v1/coupons/${code}/redeem`, { key: api.keys.till, body: { idempotency_key: key } });
  api.services.clock.set('2026-05-21T09:00:00.123Z');
  await api.call('POST', '/api/v1/coupons/AAAA-2222-BBBB/redeem', { key: api.keys.till, body: { idempotency_key: 'a2' } });
  api.services.clock.set('2026-06-01T12:00:00Z');
});

describe('GET /coupons/campaigns/{id}/codes as CSV', () => {
  it('answers the same bytes as ever for a small campaign, with the headers of a download', async () => {
    const res = await api.call('GET', `/api/v1/coupons/campaigns/${small}/codes?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="codes-quoted-csz-codes.csv"');
    // Written as it is read: no length known before the end; and bearer secrets are kept by no cache.
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toBe(
      'code,state,uses,max_uses,last_used_at,valid_from,expires_at\r\n'
      + 'AAAA-2222-BBBB,used_up,2,2,2026-05-21T09:00:00.123Z,2026-05-01T00:00:00.000Z,2026-12-31T23:00:00.000Z\r\n'
      + 'CCCC-3333-DDDD,usable,1,2,2026-05-20T08:30:00.000Z,2026-05-01T00:00:00.000Z,2026-12-31T23:00:00.000Z\r\n'
      + 'EEEE-4444-FFFF,usable,0,2,,2026-05-01T00:00:00.000Z,2026-12-31T23:00:00.000Z\r\n',
    );
  });

  it('writes every code of a campaign larger than a page once, in code order, with its uses', async () => {
    const made = (await api.call('POST', '/api/v1/coupons/campaigns', { body: { name: 'Big', idempotency_key: 'big', benefit: { type: 'percent_discount', percent: 5 }, count: 2500 } })).json();
    const used = [...made.codes].sort()[1700];
    await api.call('POST', `/api/v1/coupons/${used}/redeem`, { key: api.keys.till, body: { idempotency_key: 'big-1' } });
    const res = await api.call('GET', `/api/v1/coupons/campaigns/${made.id}/codes`, { headers: { accept: 'text/csv' } });
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = res.body.split('\r\n');
    expect(header).toBe('code,state,uses,max_uses,last_used_at,valid_from,expires_at');
    expect(rows.pop()).toBe(''); // the last line ends as every other
    expect(rows.map((r) => r.split(',')[0])).toEqual([...made.codes].sort());
    expect(rows.filter((r) => !r.endsWith(',usable,0,1,,,'))).toEqual([`${used},used,1,1,2026-06-01T12:00:00.000Z,,`]);
  });
});
