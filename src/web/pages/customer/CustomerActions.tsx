import { useState } from 'react';
import { useCan } from '../../access.ts';
import { api, type Customer, type Stats } from '../../api.ts';
import { useI18n } from '../../i18n/index.ts';
import { Problems } from '../../Problems.tsx';
import { useSubmission } from '../../useSubmission.ts';
import { displayName } from '../Customers.tsx';
import { MergeDuplicate } from './MergeDuplicate.tsx';

// What a business does on a customer's profile for a data request or a duplicate, as the
// API offers it: download everything stored (GET /customers/{id}/export), merge a duplicate
// into this customer (POST /customers/{id}/merge), and — an owner only, as DELETE
// /customers/{id} needs the admin scope — erase the personal data, once the user has typed
// the customer's email (or other identity) to show they mean this one.

type Shown = Customer & { stats: Stats };

export function CustomerActions({ customer, onMerged, onErased }: { customer: Shown; onMerged: () => void; onErased: () => void }) {
  const { t } = useI18n();
  const mayErase = useCan()('admin');
  const [open, setOpen] = useState<'merge' | 'erase'>();
  const [notice, setNotice] = useState<string>();
  const { busy, problems, failure, submit } = useSubmission();

  const download = async () => {
    setNotice(undefined);
    const exported = await submit(() => api<unknown>(`/customers/${customer.id}/export`));
    if (exported === undefined) return;
    // The file the API names in its Content-Disposition, made in the page: a refusal is shown here, in the user's language, not saved as a file.
    const file = `customer-${customer.id}.json`;
    const url = URL.createObjectURL(new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setNotice(t('customerActions.downloaded', { file }));
  };

  const toggle = (panel: 'merge' | 'erase') => {
    setNotice(undefined);
    setOpen(open === panel ? undefined : panel);
  };

  return (
    <div className="card customer-actions" data-testid="customer-actions">
      <h2>{t('customerActions.title')}</h2>
      <div className="actions">
        <div>
          <button type="button" className="secondary" data-testid="download-data" disabled={busy} onClick={download}>{t('customerActions.download')}</button>
          <p className="hint">{t('customerActions.downloadHint')}</p>
        </div>
        <div>
          <button type="button" className="secondary" data-testid="merge-open" aria-expanded={open === 'merge'} onClick={() => toggle('merge')}>{t('customerActions.merge')}</button>
          <p className="hint">{t('customerActions.mergeHint')}</p>
        </div>
        <div>
          {mayErase ? (
            <>
              <button type="button" className="secondary danger" data-testid="erase-open" aria-expanded={open === 'erase'} onClick={() => toggle('erase')}>{t('customerActions.erase')}</button>
              <p className="hint">{t('customerActions.eraseHint')}</p>
            </>
          ) : (
            <p className="hint" data-testid="erase-admin-only">{t('customerActions.eraseAdminOnly')}</p>
          )}
        </div>
      </div>
      <Problems problems={problems} failure={failure} testId="customer-actions-problem" />
      {notice && <p className="notice" role="status" data-testid="customer-actions-notice">{notice}</p>}
      {open === 'merge' && (
        <MergeDuplicate
          customer={customer}
          onCancel={() => setOpen(undefined)}
          onMerged={(told) => {
            setOpen(undefined);
            setNotice(told);
            onMerged();
          }}
        />
      )}
      {open === 'erase' && mayErase && <EraseCustomer customer={customer} onCancel={() => setOpen(undefined)} onErased={onErased} />}
    </div>
  );
}

/** The erasure's question: what goes and what stays, and the customer's identity to type before the button works. */
function EraseCustomer({ customer, onCancel, onErased }: { customer: Shown; onCancel: () => void; onErased: () => void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const { busy, problems, failure, submit } = useSubmission();
  const phrase = customer.email ?? customer.phone ?? customer.external_id ?? customer.id;
  const ready = typed.trim().toLowerCase() === phrase.toLowerCase();
  const erase = async () => {
    const done = await submit(async () => {
      await api(`/customers/${customer.id}`, { method: 'DELETE' });
      return true;
    });
    if (done) onErased();
  };
  return (
    <div className="panel erase" role="alertdialog" aria-label={t('customerActions.erase')} data-testid="erase-confirm">
      <p>{t('customerActions.eraseWarning', { name: displayName(customer, t('customers.unnamed')) })}</p>
      <label>
        {t('customerActions.typeToConfirm', { phrase })}
        <input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="erase-phrase" autoComplete="off" spellCheck={false} autoFocus />
      </label>
      <div className="toolbar">
        <button type="button" className="primary danger" data-testid="erase-button" disabled={!ready || busy} onClick={erase}>{t('customerActions.eraseConfirm')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('customerActions.cancel')}</button>
      </div>
      <Problems problems={problems} failure={failure} testId="erase-problem" />
    </div>
  );
}
