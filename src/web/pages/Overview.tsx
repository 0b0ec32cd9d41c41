import { useEffect, useState } from 'react';
import { api, type Status } from '../api.ts';
import { useI18n } from '../i18n/index.ts';

export function Overview() {
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Status>('/status').then(setStatus, (e: Error) => setError(e.message));
  }, []);
  return (
    <section>
      <h1>{t('overview.title')}</h1>
      {error && <p className="error">{t('common.error', { message: error })}</p>}
      {!status ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <div className="kpis">
            <div className="card kpi" data-testid="kpi-customers">
              <span>{t('overview.customers')}</span>
              <strong>{i18n.number(status.customers)}</strong>
            </div>
            <div className="card kpi" data-testid="kpi-purchases">
              <span>{t('overview.purchases')}</span>
              <strong>{i18n.number(status.purchases)}</strong>
            </div>
            <div className="card kpi" data-testid="kpi-revenue">
              <span>{t('overview.revenue')}</span>
              <strong>{i18n.money(status.revenue, status.currency)}</strong>
            </div>
          </div>
          {status.purchases === 0 && <p className="hint">{t('overview.hint')}</p>}
        </>
      )}
    </section>
  );
}
