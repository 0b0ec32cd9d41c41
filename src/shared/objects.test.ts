import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withFields } from './objects.ts';

describe('withFields', () => {
  it('is { ...base, ...extra }: extra wins, base is left as it was', () => {
    const base = { id: 'a', total: 1, note: null as string | null };
    const copy = withFields(base, { total: 2, loyalty: { points: 5 } });
    expect(copy).toEqual({ id: 'a', total: 2, note: null, loyalty: { points: 5 } });
    expect(Object.keys(copy)).toEqual(['id', 'total', 'note', 'loyalty']);
    expect(base).toEqual({ id: 'a', total: 1, note: null });
    // Several parts at once, later ones winning, as { ...a, ...b, ...c }.
    expect(withFields({ a: 1, b: 1 }, { b: 2 }, { c: 3 })).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('gives copies of the same shape one hidden class, where a spread literal gives each its own', () => {
    // V8's own view of it (%HaveSameMap needs --allow-natives-syntax, so in a child process).
    const script = `
      const withFields = ${withFields.toString()};
      const make = (i) => ({ id: 'p' + i, total: i });
      const spread = (i) => ({ ...make(i), loyalty: i });
      const copied = (i) => withFields(make(i), { loyalty: i });
      const same = (f) => { const a = []; for (let i = 0; i < 1000; i++) a.push(f(i)); return %HaveSameMap(a[998], a[999]); };
      console.log(JSON.stringify({ withFields: same(copied), spread: same(spread) }));`;
    const seen = JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8' }));
    expect(seen.withFields).toBe(true);
    // The reason for withFields; a later V8 may share the spread copies' maps too.
    if (process.versions.node.startsWith('20.')) expect(seen.spread).toBe(false);
  });
});
