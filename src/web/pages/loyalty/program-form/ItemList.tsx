import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { addItem, getAt, moveItem, pathKey, removeItem, type Path } from './document.ts';
import { useProgramForm } from './fields.tsx';

/**
 * A list of the document (tiers, rewards, multipliers…): each item in a group of its own,
 * titled, with buttons to remove it (and to move it, where the order means something: the
 * tiers, from the base level up); a button at the end adds one, as `make` starts it.
 */
export function ItemList({ path, title, add, make, render, reorder = false, testId }: {
  path: Path;
  /** An item's title ("Tier 2: Silver"), also what its buttons name. */
  title: (item: Record<string, unknown>, index: number) => string;
  add: string;
  make: () => Record<string, unknown>;
  render: (path: Path, index: number) => ReactNode;
  reorder?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const form = useProgramForm();
  const value = getAt(form.document, path);
  const items: unknown[] = Array.isArray(value) ? value : [];
  const listReasons = form.problems(path);
  return (
    <div className="item-list" data-testid={testId} data-path={pathKey(path)}>
      {listReasons.length > 0 && <p className="error">{listReasons.join(' ')}</p>}
      {items.map((item, i) => {
        const name = title(typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {}, i);
        const reasons = form.problems([...path, i]);
        return (
          <fieldset key={i} className={`item${reasons.length ? ' refused' : ''}`} data-path={pathKey([...path, i])}>
            <legend>{name}</legend>
            {reasons.length > 0 && <p className="error">{reasons.join(' ')}</p>}
            {render([...path, i], i)}
            <div className="item-actions">
              {reorder && (
                <>
                  <button type="button" className="link" aria-label={`${t('programForm.moveUp')}: ${name}`} disabled={i === 0} onClick={() => form.change((d) => moveItem(d, path, i, i - 1))}>
                    {t('programForm.moveUp')}
                  </button>
                  <button type="button" className="link" aria-label={`${t('programForm.moveDown')}: ${name}`} disabled={i === items.length - 1} onClick={() => form.change((d) => moveItem(d, path, i, i + 1))}>
                    {t('programForm.moveDown')}
                  </button>
                </>
              )}
              <button type="button" className="link danger" aria-label={`${t('programForm.remove')}: ${name}`} onClick={() => form.change((d) => removeItem(d, path, i))}>
                {t('programForm.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => form.change((d) => addItem(d, path, make()))}>{add}</button>
    </div>
  );
}
