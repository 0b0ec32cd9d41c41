import { useId, useRef, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useI18n } from '../../../i18n/index.ts';
import { addItem, getAt, moveItem, pathKey, removeItem, type Path } from './document.ts';
import { useProgramForm } from './fields.tsx';
import { Collapsible, ProblemCount } from './outline.tsx';

type Item = Record<string, unknown>;

/**
 * A list of the document (tiers, rewards, multipliers…): each item in a group of its own,
 * its legend a button that opens and closes it, and, while closed, its key figures after
 * the title ("Free product · 500 points") and the count of its problems; open, buttons
 * remove it (and move it, where the order means something: the tiers, from the base level
 * up). A button at the end adds one, as `make` starts it, and opens it at its first input.
 */
export function ItemList({ path, title, figures, add, make, render, reorder = false, testId }: {
  path: Path;
  /** An item's title ("Tier 2: Silver"), also what its buttons name. */
  title: (item: Item, index: number) => string;
  /** An item's key figures, for its header while closed. */
  figures: (item: Item, index: number) => string;
  add: string;
  make: () => Item;
  render: (path: Path, index: number) => ReactNode;
  reorder?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const form = useProgramForm();
  const list = useRef<HTMLDivElement>(null);
  const value = getAt(form.document, path);
  const items: unknown[] = Array.isArray(value) ? value : [];
  const listReasons = form.problems(path);
  const key = pathKey(path);
  const move = (from: number, to: number) => {
    form.change((d) => moveItem(d, path, from, to));
    form.outline.follow(key, (i) => (i === from ? to : i === to ? from : i));
  };
  const remove = (at: number) => {
    form.change((d) => removeItem(d, path, at));
    form.outline.follow(key, (i) => (i === at ? undefined : i > at ? i - 1 : i));
  };
  const append = () => {
    const added = pathKey([...path, items.length]);
    flushSync(() => {
      form.change((d) => addItem(d, path, make()));
      form.outline.setOpen(added, true);
    });
    list.current?.querySelector<HTMLElement>(`[data-outline="${CSS.escape(added)}"] :is(input, select)`)?.focus();
  };
  return (
    <div className="item-list" data-testid={testId} data-path={key} ref={list}>
      {listReasons.length > 0 && <p className="error">{listReasons.join(' ')}</p>}
      {items.map((item, i) => {
        const fields = typeof item === 'object' && item !== null ? (item as Item) : {};
        return (
          <ListItem key={i} path={[...path, i]} name={title(fields, i)} figures={figures(fields, i)}>
            {render([...path, i], i)}
            <div className="item-actions">
              {reorder && (
                <>
                  <button type="button" className="link" aria-label={`${t('programForm.moveUp')}: ${title(fields, i)}`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    {t('programForm.moveUp')}
                  </button>
                  <button type="button" className="link" aria-label={`${t('programForm.moveDown')}: ${title(fields, i)}`} disabled={i === items.length - 1} onClick={() => move(i, i + 1)}>
                    {t('programForm.moveDown')}
                  </button>
                </>
              )}
              <button type="button" className="link danger" aria-label={`${t('programForm.remove')}: ${title(fields, i)}`} onClick={() => remove(i)}>
                {t('programForm.remove')}
              </button>
            </div>
          </ListItem>
        );
      })}
      <button type="button" className="secondary" onClick={append}>{add}</button>
    </div>
  );
}

/** One item of a list: a group named by its title, which is the button that opens it. */
function ListItem({ path, name, figures, children }: { path: Path; name: string; figures: string; children: ReactNode }) {
  const { t } = useI18n();
  const form = useProgramForm();
  const key = pathKey(path);
  const open = form.outline.isOpen(key);
  const reasons = form.problems(path);
  const problems = form.problemsWithin([key]);
  const ids = useId();
  const described = open ? undefined : [`${ids}-figures`, problems > 0 && `${ids}-problems`].filter(Boolean).join(' ');
  return (
    <fieldset className={`item${open ? ' open' : ''}${problems ? ' refused' : ''}`} data-path={key} data-outline={key} data-open={open}>
      <legend>
        <button type="button" className="toggle" aria-expanded={open} aria-controls={`${ids}-body`} aria-describedby={described} onClick={() => form.outline.setOpen(key, !open)}>
          {name}
        </button>
      </legend>
      {!open && (
        <p className="item-head">
          <span id={`${ids}-figures`} className="summary">{figures || t('programForm.summary.empty')}</span>
          <ProblemCount id={`${ids}-problems`} count={problems} />
        </p>
      )}
      <Collapsible id={`${ids}-body`} className="item-body" open={open} onFound={() => form.outline.setOpen(key, true)}>
        {reasons.length > 0 && <p className="error">{reasons.join(' ')}</p>}
        {children}
      </Collapsible>
    </fieldset>
  );
}
