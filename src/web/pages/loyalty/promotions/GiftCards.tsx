import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useCan } from '../../../access.ts';
import { api, newIdempotencyKey, type Customer, type Page } from '../../../api.ts';
import { Confirmation } from '../../../Confirmation.tsx';
import { DateField } from '../../../DateField.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { navigate } from '../../../router.ts';
import { useSubmission } from '../../../useSubmission.ts';
import { Expiry, When } from '../../../When.tsx';
import { Field, Others } from './Field.tsx';
import { parseAmount } from '../program-form/document.ts';
import { amountMistake, giftCardStateKey } from './texts.ts';
import type { GiftCardIssued, GiftCardState, ListedGiftCard, UsableGiftCard } from './types.ts';

// Gift cards: issue one (an amount, optionally whose it is, optionally until when: a date
// alone: usable through that day in the business's time zone, as the server reads it), look
// one up by its code as a customer reads it out, and every card with what is left on it.
// Issuing asks first, as redeeming a reward does: a card is money as soon as it is issued,
// and a slip of the finger (99999999999) issued €99,999,999,999.00 at one click.

const PAGE = 20;
const ISSUE_FIELDS = ['amount', 'customer_id', 'expires_at'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function GiftCards({ currency }: { currency: string }) {
  const [version, setVersion] = useState(0);
  return (
    <>
      <div className="columns">
        <IssueGiftCard currency={currency} onIssued={() => setVersion((v) => v + 1)} />
        <LookUpGiftCard />
      </div>
      <GiftCardList version={version} />
    </>
  );
}

function IssueGiftCard({ currency, onIssued }: { currency: string; onIssued: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const mayIssue = useCan()('admin');
  const [amount, setAmount] = useState('');
  const [customer, setCustomer] = useState('');
  const [expires, setExpires] = useState('');
  // One key per filling of the form: a double click issues one card.
  const [key, setKey] = useState(newIdempotencyKey);
  const [issued, setIssued] = useState<GiftCardIssued>();
  // The card asked about (its amount as sent, its holder found), until Yes issues it or Cancel, Escape or a change drops it.
  const [asking, setAsking] = useState<{ amount: string; owner: string | null }>();
  const opener = useRef<HTMLButtonElement>(null);
  const { busy, problems, failure, submit, setProblems, setFailure } = useSubmission();
  const change = (set: (value: string) => void, value: string) => {
    set(value);
    setAsking(undefined);
    setProblems([]);
    setFailure(undefined);
  };

  /** The customer the field names: an id as it is, else the one customer an email, phone or card number finds; a refusal at the field otherwise. */
  const customerId = async (): Promise<string | null | undefined> => {
    const text = customer.trim();
    if (text === '' || UUID.test(text)) return text || null;
    const found = await api<Page<Customer>>(`/customers?query=${encodeURIComponent(text)}&limit=2`);
    if (found.items.length === 1) return found.items[0].id;
    setProblems([{ field: 'customer_id', reason: t(found.items.length === 0 ? 'promotions.giftCards.noCustomer' : 'promotions.giftCards.manyCustomers', { text }) }]);
    return undefined;
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setIssued(undefined);
    let asked = asking;
    setAsking(undefined);
    if (!asked) {
      // The amount is checked and the holder found before asking, so the question is about a card the server would issue.
      const mistake = amountMistake(i18n, amount, currency);
      if (mistake) {
        setProblems([{ field: 'amount', reason: mistake }]);
        return;
      }
      const owner = await submit(customerId);
      if (owner === undefined) return;
      asked = { amount: parseAmount(amount)!, owner };
      // More decimals than the currency has (1.005) would be asked as the money format rounds them (1.01): the server refuses them, issuing nothing.
      if (exact(asked.amount, currency)) {
        setAsking(asked);
        return;
      }
    }
    const { amount: sent, owner } = asked;
    const card = await submit(() => api<GiftCardIssued>('/gift-cards', { method: 'POST', body: { amount: sent, idempotency_key: key, customer_id: owner ?? undefined, expires_at: expires || undefined } }));
    if (!card) return;
    setIssued(card);
    setAmount('');
    setCustomer('');
    setExpires('');
    setKey(newIdempotencyKey());
    onIssued();
  };

  return (
    <form className="card form promo-form" onSubmit={save} noValidate data-testid="issue-gift-card">
      <h2>{t('promotions.giftCards.issue')}</h2>
      {!mayIssue && <p className="hint">{t('promotions.adminOnly')}</p>}
      <fieldset disabled={!mayIssue || busy}>
        <Field label={t('promotions.giftCards.amount', { currency })} field="amount" problems={problems}>
          <input data-testid="gift-card-amount" inputMode="decimal" value={amount} onChange={(e) => change(setAmount, e.target.value)} />
        </Field>
        <Field label={t('promotions.giftCards.customerOptional')} field="customer_id" problems={problems}>
          <input data-testid="gift-card-customer" value={customer} placeholder={t('promotions.giftCards.customerHint')} onChange={(e) => change(setCustomer, e.target.value)} />
        </Field>
        <Field label={t('promotions.giftCards.expires')} field="expires_at" problems={problems}>
          <DateField testId="gift-card-expires" value={expires} invalid={problems.some((p) => p.field === 'expires_at') || undefined} onChange={(value) => change(setExpires, value)} />
          <small className="hint zone-hint">{t('common.timesIn', { zone: i18n.timeZone })}</small>
        </Field>
        {!asking && <button ref={opener} type="submit" className="primary" data-testid="gift-card-submit">{t('promotions.giftCards.issueButton')}</button>}
      </fieldset>
      {asking && (
        <Confirmation label={t('promotions.giftCards.issueButton')} testId="gift-card-confirm" busy={busy} opener={opener} onCancel={() => setAsking(undefined)}
          question={t('promotions.giftCards.confirm', { amount: i18n.money(asking.amount, currency) })}
          yes={t('promotions.giftCards.confirmYes')} cancel={t('promotions.giftCards.cancel')} />
      )}
      <Others problems={problems} failure={failure} shown={ISSUE_FIELDS} />
      {issued && (
        <p role="status" className="ok" data-testid="gift-card-issued">
          {t(issued.created ? 'promotions.giftCards.issued' : 'promotions.giftCards.replayed', { code: issued.code, amount: i18n.money(issued.initial, issued.currency) })}
        </p>
      )}
    </form>
  );
}

/** Whether an amount has no more decimals than the currency's money shows ("20.50" €, not "1.005"). */
function exact(amount: string, currency: string): boolean {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (amount.split('.')[1] ?? '').replace(/0+$/, '').length <= digits;
}

function LookUpGiftCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const [code, setCode] = useState('');
  const [card, setCard] = useState<UsableGiftCard>();
  const { busy, failure, submit, setFailure } = useSubmission();
  const look = async (e: FormEvent) => {
    e.preventDefault();
    setCard(undefined);
    const found = await submit(() => api<UsableGiftCard>(`/gift-cards/${encodeURIComponent(code.trim())}`));
    if (found) setCard(found);
  };
  return (
    <form className="card form promo-form" onSubmit={look} noValidate data-testid="look-up-gift-card">
      <h2>{t('promotions.giftCards.lookUp')}</h2>
      <label className={failure ? 'refused' : ''}>
        {t('promotions.giftCards.code')}
        <input data-testid="gift-card-code" value={code} autoComplete="off" onChange={(e) => { setCode(e.target.value); setFailure(undefined); }} />
        {failure && <span className="refusal" role="alert" data-testid="gift-card-not-found">{failure}</span>}
      </label>
      <button type="submit" className="primary" disabled={busy || !code.trim()} data-testid="gift-card-look-up">{t('promotions.giftCards.lookUpButton')}</button>
      {card && (
        <dl data-testid="gift-card-found">
          <div><dt>{t('promotions.col.code')}</dt><dd><code>{card.code}</code></dd></div>
          <div><dt>{t('promotions.giftCards.balance')}</dt><dd><strong>{t('loyalty.giftCards.balanceOf', { balance: i18n.money(card.balance, card.currency), initial: i18n.money(card.initial, card.currency) })}</strong></dd></div>
          <div><dt>{t('promotions.col.status')}</dt><dd>{t(card.usable ? 'promotions.giftCards.status.active' : Number(card.balance) === 0 ? 'promotions.giftCards.status.used_up' : 'promotions.giftCards.status.expired')}</dd></div>
          <div><dt>{t('promotions.giftCards.expires')}</dt><dd data-testid="gift-card-found-expires"><Expiry at={card.expires_at} /></dd></div>
          {card.customer_id && (
            <div><dt>{t('promotions.giftCards.customer')}</dt><dd><CustomerLink id={card.customer_id} name={null} /></dd></div>
          )}
        </dl>
      )}
    </form>
  );
}

function CustomerLink({ id, name }: { id: string; name: string | null }) {
  const { t } = useI18n();
  return (
    <a href={`/customers/${id}`} onClick={(e) => { e.preventDefault(); navigate(`/customers/${id}`); }}>
      {name ?? t('promotions.giftCards.openCustomer')}
    </a>
  );
}

function GiftCardList({ version }: { version: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<GiftCardState | ''>('');
  const [cards, setCards] = useState<ListedGiftCard[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const load = async (cursor?: string) => {
    try {
      const query = new URLSearchParams({ limit: String(PAGE) });
      if (status) query.set('status', status);
      if (cursor) query.set('cursor', cursor);
      const page = await api<{ items: ListedGiftCard[]; next_cursor: string | null }>(`/gift-cards?${query}`);
      setCards((shown) => (cursor && shown ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, [version, status]);

  return (
    <div className="card" data-testid="gift-cards">
      <div className="toolbar">
        <h2>{t('promotions.giftCards.title')}</h2>
        <label>
          {t('promotions.col.status')}
          <select data-testid="gift-card-filter" value={status} onChange={(e) => setStatus(e.target.value as GiftCardState | '')}>
            <option value="">{t('promotions.giftCards.all')}</option>
            {(['active', 'used_up', 'expired'] as const).map((s) => <option key={s} value={s}>{t(giftCardStateKey(s))}</option>)}
          </select>
        </label>
      </div>
      {error ? (
        <p className="error">{t('common.error', { message: error })}</p>
      ) : !cards ? (
        <p>{t('common.loading')}</p>
      ) : cards.length === 0 ? (
        <p className="hint" data-testid="gift-cards-none">{t('promotions.giftCards.none')}</p>
      ) : (
        <>
          <table className="promo-table" data-testid="gift-cards-table">
            <thead>
              <tr>
                <th>{t('promotions.col.code')}</th>
                <th className="num">{t('promotions.giftCards.balance')}</th>
                <th>{t('promotions.giftCards.customer')}</th>
                <th>{t('promotions.giftCards.expires')}</th>
                <th>{t('promotions.col.status')}</th>
                <th>{t('promotions.giftCards.issuedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {cards.map((g) => (
                <tr key={g.code}>
                  <td className="nowrap" data-label={t('promotions.col.code')}><code>{g.code}</code></td>
                  <td className="num nowrap" data-label={t('promotions.giftCards.balance')}>
                    {t('loyalty.giftCards.balanceOf', { balance: i18n.money(g.balance, g.currency), initial: i18n.money(g.initial, g.currency) })}
                  </td>
                  <td className="wrap" data-label={t('promotions.giftCards.customer')}>{g.customer_id ? <CustomerLink id={g.customer_id} name={g.customer_name} /> : '—'}</td>
                  <td data-label={t('promotions.giftCards.expires')}><Expiry at={g.expires_at} /></td>
                  <td data-label={t('promotions.col.status')}><span className={`tag state-${g.status}`}>{t(giftCardStateKey(g.status))}</span></td>
                  <td data-label={t('promotions.giftCards.issuedAt')}><When at={g.issued_at} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {next && <button className="secondary more" onClick={() => void load(next)}>{t('promotions.more')}</button>}
        </>
      )}
    </div>
  );
}
