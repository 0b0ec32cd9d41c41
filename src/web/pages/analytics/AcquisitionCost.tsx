import { useState, type FormEvent } from 'react';
import { useCan } from '../../access.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.ts';
import { Problems } from '../../Problems.tsx';
import { useSubmission } from '../../useSubmission.ts';
import { parseAmount } from '../loyalty/program-form/document.ts';

// The business's cost of winning one customer, entered once and remembered
// (PATCH /analytics/settings): the simple CLV subtracts it in every period and store. An
// owner sets it here, beside the CLV it changes; an empty field forgets it. Anyone else is
// told who can.

export function AcquisitionCost({ stored, currency, onSaved }: { stored: string | null; currency: string; onSaved: () => void }) {
  const { t } = useI18n();
  const mayChange = useCan()('admin');
  const [value, setValue] = useState(stored ?? '');
  const { busy, problems, failure, submit } = useSubmission();
  if (!mayChange) return <p className="hint" data-testid="revenue-acquisition-owner-only">{t('analytics.revenue.costOwnerOnly')}</p>;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const entered = value.trim();
    const saved = await submit(() => api('/analytics/settings', { method: 'PATCH', body: { acquisition_cost: entered === '' ? null : parseAmount(entered) } }));
    if (saved) onSaved();
  };
  return (
    <form className="toolbar" data-testid="revenue-acquisition" onSubmit={save}>
      <label>
        {t('analytics.revenue.costLabel', { currency })}
        <input data-testid="revenue-acquisition-cost" inputMode="decimal" placeholder="0.00" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="revenue-acquisition-save" disabled={busy}>{t('analytics.revenue.costSave')}</button>
      <span className="hint">{t('analytics.revenue.costHint')}</span>
      <Problems problems={problems} failure={failure} labels={{ acquisition_cost: t('analytics.revenue.costLabel', { currency }) }} testId="revenue-acquisition-problems" />
    </form>
  );
}
