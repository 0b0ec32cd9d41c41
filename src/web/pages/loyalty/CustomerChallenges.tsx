import type { MemberAccount } from '../../api.ts';
import { useI18n } from '../../i18n/index.ts';
import { When } from '../../When.tsx';

// Where the member stands on each challenge, as GET /customers/{id}/loyalty gives it: staff
// answering "how many visits do I still need?" read it here, not in the API alone. The
// progress counts since the last completion within the challenge's window (README).
export function CustomerChallenges({ challenges }: { challenges: MemberAccount['challenges'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (challenges.length === 0) return null;
  return (
    <div className="card" data-testid="loyalty-challenges">
      <h2>{t('loyalty.challenges.title')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('loyalty.challenges.col.challenge')}</th>
            <th className="num">{t('loyalty.challenges.col.progress')}</th>
            <th className="num">{t('loyalty.challenges.col.bonus')}</th>
            <th>{t('loyalty.challenges.col.completed')}</th>
          </tr>
        </thead>
        <tbody>
          {challenges.map((c) => (
            <tr key={c.code} data-code={c.code}>
              <td>{i18n.localized(c.name)}</td>
              <td className="num">{t('loyalty.challenges.progress', { progress: i18n.number(c.progress), goal: i18n.number(c.goal.count) })}</td>
              <td className="num">{i18n.number(c.points)}</td>
              <td>
                {c.completed === 0 || !c.last_completed_at ? '—' : (
                  <>{t('loyalty.challenges.completed', { count: i18n.number(c.completed) })} <When at={c.last_completed_at} /></>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('loyalty.challenges.hint')}</p>
    </div>
  );
}
