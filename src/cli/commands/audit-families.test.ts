import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../shared/messages/index.ts';
import { ACTIVITY as EN } from '../../web/i18n/en/activity.ts';
import { FAMILIES as DASHBOARD_FAMILIES } from '../../web/pages/settings/activity-texts.ts';
import { FAMILIES } from './audit.ts';

// Every action the code writes to the activity log can be found by a family of the
// dashboard's "What" filter and of `regulars audit --family`, and is told in words by both.
// Regression: the acquisition cost's change (analytics.settings.update) was in no family, so
// neither filter could find it.

const SRC = path.resolve(import.meta.dirname, '../..');

/** The actions written by the server's code (src without the dashboard and the tests), as `action: '…'` literals — a ternary's both. */
function actionsWritten(): Set<string> {
  const actions = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (file !== path.join(SRC, 'web')) walk(file);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        for (const [, value] of fs.readFileSync(file, 'utf8').matchAll(/\baction: ([^,\n]*)/g)) {
          for (const [, action] of value.matchAll(/'([a-z0-9_]+(?:\.[a-z0-9_]+)+)'/g)) actions.add(action);
        }
      }
    }
  };
  walk(SRC);
  return actions;
}

describe('the families of the activity log', () => {
  const actions = [...actionsWritten()].sort();

  it('finds the actions the code writes', () => {
    expect(actions).toEqual(expect.arrayContaining(['analytics.settings.update', 'loyalty.adjust', 'store.create', 'store.update', 'purchase.refund', 'customer.erase']));
  });

  it('gives every action written a family, the same in the dashboard and the command line', () => {
    expect(DASHBOARD_FAMILIES.map(([value]) => value)).toEqual(FAMILIES.map((family) => `${family}.`));
    expect(actions.filter((action) => !FAMILIES.some((family) => action.startsWith(`${family}.`)))).toEqual([]);
  });

  it('tells every action written in words, in the dashboard and at the command line', () => {
    expect(actions.filter((action) => !Object.hasOwn(EN, `activity.action.${action}`))).toEqual([]);
    expect(actions.filter((action) => !Object.hasOwn(MESSAGES, `cli.audit.action.${action}`))).toEqual([]);
  });
});
