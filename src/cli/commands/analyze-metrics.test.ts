import { beforeAll, describe, expect, it } from 'vitest';
import { useCliBusiness } from '../../../test/helpers/cli-process.ts';

// `regulars analyze metrics` refusing its period, and `analyze clv` its dates, as a user runs
// them (embedded database, or PostgreSQL with REGULARS_TEST_DB=postgres): each field named
// as the option that sets it, also where a reason names another field, in the language asked.
const { run, runIn } = useCliBusiness('analyze-metrics');

beforeAll(() => {
  expect(run('migrate').status).toBe(0);
});

describe('regulars analyze metrics --from --to', () => {
  it('refuses a period ending before it starts, naming both options', () => {
    const backwards = run('analyze', 'metrics', '--from', '2026-04-01', '--to', '2026-03-31');
    expect(backwards.status).toBe(1);
    expect(backwards.stderr).toContain('--to: must not be before --from\n');
    expect(runIn({ REGULARS_LANGUAGE: 'tr' }, 'analyze', 'metrics', '--from', '2026-04-01', '--to', '2026-03-31').stderr).toContain('--to: --from tarihinden önce olamaz\n');
  });

  it('names the option of a date that is none, and of a period given twice', () => {
    expect(run('analyze', 'metrics', '--from', '2026-02-30').stderr).toContain('--from: is not a calendar date');
    expect(run('analyze', 'metrics', '--year', '2026', '--from', '2026-01-01').stderr).toContain('--year: give either --year or --from/--to, not both');
  });
});

describe('regulars analyze clv --calibration-end --holdout-end', () => {
  it('names both options, and tells that nothing was bought in the language asked', () => {
    const backwards = run('analyze', 'clv', '--calibration-end', '2026-05-01', '--holdout-end', '2026-04-01');
    expect(backwards.status).toBe(1);
    expect(backwards.stderr).toContain('--holdout-end: must not be before --calibration-end\n');
    const none = runIn({ REGULARS_LANGUAGE: 'sl' }, 'analyze', 'clv', '--calibration-end', '2026-05-01');
    expect(none.status).toBe(1);
    expect(none.stderr).toBe('Napaka: Ni nakupov, na katerih bi model prilagodili\n');
  });
});
