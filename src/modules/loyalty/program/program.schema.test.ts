import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors.ts';
import { parseInput } from '../../../shared/validation.ts';
import { NewProgramDocument, ProgramDocument, programJsonSchema } from './program.schema.ts';

// The published JSON Schema (GET /api/v1/loyalty/program.schema.json, `regulars loyalty
// schema`, schemas/loyalty-program.schema.json) is what an editor checks a program file
// against while it is written: a value the server refuses must not pass it, and it says
// what the main fields mean.

type Schema = Record<string, any>;
const published = programJsonSchema() as Schema;
const example = JSON.parse(fs.readFileSync('examples/program.json', 'utf8'));

/**
 * Whether a value meets a (sub)schema made only of the keywords an amount's schema uses.
 * No JSON Schema validator is a dependency of the product; this reads those few keywords
 * as the specification says, and refuses to judge a schema with any other.
 */
function accepts(schema: Schema, value: unknown): boolean {
  const known = ['anyOf', 'allOf', 'type', 'pattern', 'minimum', 'exclusiveMinimum', 'description', 'default'];
  expect(Object.keys(schema).filter((k) => !known.includes(k)), JSON.stringify(schema)).toEqual([]);
  if (schema.anyOf) return (schema.anyOf as Schema[]).some((s) => accepts(s, value));
  if (schema.allOf && !(schema.allOf as Schema[]).every((s) => accepts(s, value))) return false;
  const types = [schema.type].flat().filter(Boolean) as string[];
  const isType = (t: string) => (t === 'string' ? typeof value === 'string' : t === 'number' ? typeof value === 'number' : t === 'integer' ? Number.isInteger(value) : false);
  if (types.length > 0 && !types.some(isType)) return false;
  if (typeof value === 'string' && schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false;
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) return false;
  if (typeof value === 'number' && schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return false;
  return true;
}

/** The server's reasons for refusing a program document, field by field (English). */
function reasons(document: unknown): { field: string; reason: string }[] {
  try {
    parseInput(ProgramDocument, document, 'program', 'program');
    return [];
  } catch (error) {
    return (error as { problems: { field: string; reason: string }[] }).problems;
  }
}

/** The server's verdict on a program document: the fields it refuses. */
const refused = (document: unknown): string[] => reasons(document).map((p) => p.field);

const withThreshold = (threshold: unknown) => {
  const doc = structuredClone(example);
  doc.tiers.levels[1].threshold = threshold;
  return doc;
};

describe('the published program JSON Schema', () => {
  it('is the file in schemas/ (what an editor reads from the repository)', () => {
    expect(JSON.parse(fs.readFileSync('schemas/loyalty-program.schema.json', 'utf8'))).toEqual(published);
  });

  it('refuses a tier threshold the server refuses, and takes one it takes', () => {
    const threshold = published.properties.tiers.properties.levels.items.properties.threshold;
    for (const bad of [-5, '-5', 'abc', '5,00', '']) {
      expect(refused(withThreshold(bad)), JSON.stringify(bad)).toContain('program.tiers.levels.1.threshold');
      expect(accepts(threshold, bad), JSON.stringify(bad)).toBe(false);
    }
    for (const good of ['250.00', 250, '250']) {
      expect(refused(withThreshold(good)), JSON.stringify(good)).toEqual([]);
      expect(accepts(threshold, good), JSON.stringify(good)).toBe(true);
    }
  });

  it('states the same constraint for every amount in the document', () => {
    const p = published.properties;
    const amounts = {
      point_value: p.point_value,
      'earning.minimum_purchase': p.earning.properties.minimum_purchase,
      'bonuses.referral.minimum_purchase': p.bonuses.properties.referral.properties.minimum_purchase,
      'rewards.amount': p.rewards.items.properties.amount,
    };
    for (const [field, schema] of Object.entries(amounts)) {
      for (const bad of [-1, '-1', 'abc']) expect(accepts(schema, bad), `${field} ${JSON.stringify(bad)}`).toBe(false);
      for (const good of ['0.50', 3, '10']) expect(accepts(schema, good), `${field} ${JSON.stringify(good)}`).toBe(true);
    }
    const doc = structuredClone(example);
    doc.point_value = 'abc';
    expect(refused(doc)).toEqual(['program.point_value']);
  });

  it("refuses a reward's amount of nothing, as the server does", () => {
    const amount = published.properties.rewards.items.properties.amount;
    // rewards[2] is the example's fixed discount, rewards[4] its gift card.
    for (const [index, bad] of [[2, '0.00'], [2, '0'], [4, 0], [4, '000.000']] as const) {
      const doc = structuredClone(example);
      doc.rewards[index].amount = bad;
      expect(reasons(doc), JSON.stringify(bad)).toEqual([{ field: `program.rewards.${index}.amount`, reason: 'must be greater than 0' }]);
      expect(accepts(amount, bad), JSON.stringify(bad)).toBe(false);
    }
    for (const good of ['0.01', '10.50', 0.5, 20]) expect(accepts(amount, good), JSON.stringify(good)).toBe(true);
    // Not an amount at all is told so, once (not also "must be greater than 0").
    const doc = structuredClone(example);
    doc.rewards[2].amount = 'abc';
    expect(reasons(doc)).toEqual([{ field: 'program.rewards.2.amount', reason: 'must be a non-negative decimal amount such as "29.33"' }]);
  });

  it('takes the points\' name as one text, one per language, or per language its plural forms, and says what is wrong with forms', () => {
    const named = (points_name: unknown) => {
      const doc = structuredClone(example);
      doc.points_name = points_name;
      return doc;
    };
    // The example gives forms for en, sl, da and ru, and one text for tr; the published schema takes it too.
    expect(refused(example)).toEqual([]);
    expect(example.points_name.sl).toEqual({ one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' });
    for (const good of ['beans', { en: 'beans', sl: 'zrna' }, { sl: { one: 'zrno', other: 'zrn' }, tr: 'çekirdek' }]) {
      expect(refused(named(good)), JSON.stringify(good)).toEqual([]);
    }
    const reasons = (points_name: unknown) => {
      try {
        parseInput(ProgramDocument, named(points_name), 'program', 'program');
        return [];
      } catch (error) {
        return (error as { problems: { field: string; reason: string }[] }).problems;
      }
    };
    expect(reasons({ sl: { one: 'zrno', two: 'zrni', few: 'zrna' } })).toEqual([{ field: 'program.points_name.sl.other', reason: 'is required: the form for every number no other form names' }]);
    expect(reasons({ en: { one: 'bean', few: 'beans', other: 'beans' } })).toEqual([{ field: 'program.points_name.en.few', reason: '"few" is not a form en uses with numbers; its forms are one, other' }]);
    expect(reasons({ ru: { one: 'зерно', lots: 'зёрен', other: 'зерна' } })).toEqual([{ field: 'program.points_name.ru', reason: 'unknown field "lots"' }]);
    expect(reasons({ sl: { other: 5 } })).toEqual([{ field: 'program.points_name', reason: 'must be one text, or one per language code, each a text or its forms with numbers (e.g. "one": "bean", "other": "beans")' }]);
    // Told in the language asked, as every reason of the program's.
    try {
      parseInput(ProgramDocument, named({ sl: { one: 'zrno' } }), 'program', 'program');
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).in('sl').problems).toEqual([{ field: 'program.points_name.sl.other', reason: 'je obvezno: oblika za vsako število, ki ga ne pokriva nobena druga oblika' }]);
    }
    // The published schema says "other" is required and names the forms an editor may offer.
    const forms = published.properties.points_name.anyOf[1].additionalProperties.anyOf[1];
    expect(forms).toMatchObject({ type: 'object', required: ['other'], additionalProperties: false });
    expect(Object.keys(forms.properties)).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  it('documents the main fields, as the code does them', () => {
    const p = published.properties;
    for (const field of ['name', 'points_name', 'point_value', 'enrolment', 'pending_days', 'refund_shortfall', 'reservation_minutes', 'earning', 'bonuses', 'expiry', 'tiers', 'rewards', 'challenges']) {
      expect(p[field].description, field).toEqual(expect.any(String));
    }
    // earning/profile-and-survey-bonuses.ts completeProfiles: first and last name, email, phone, birthday.
    expect(p.bonuses.properties.profile_completion.description).toMatch(/first name, last name, email, phone and birthday/);
    expect(p.earning.properties.rounding.description).toMatch(/rounded once per purchase.*floor.*nearest.*ceil/);
    expect(p.earning.properties.rounding.description).toMatch(/refund.*nearest/);
    expect(p.pending_days.description).toMatch(/^Holding period/);
    expect(p.expiry.description).toMatch(/When points expire/);
    const policies = (p.expiry.oneOf as Schema[]).map((o) => [o.properties.policy.const, o.properties.policy.description]);
    expect(policies.map(([policy]) => policy)).toEqual(['none', 'per_lot', 'inactivity']);
    for (const [policy, description] of policies) expect(description, policy).toEqual(expect.any(String));
  });
});

// A refinement runs after refusals that do not stop parsing (an empty list, a malformed
// amount or date): it must neither read what is not there (a 500) nor judge again what was
// refused (a spurious second error on the next level).
describe("the program document's rules across fields", () => {
  const edited = (edit: (doc: any) => void) => {
    const doc = structuredClone(example);
    edit(doc);
    return doc;
  };

  it('refuses tiers with no levels, naming tiers.levels (no TypeError)', () => {
    const doc = edited((d) => {
      d.tiers.levels = [];
      for (const r of d.rewards) delete r.tiers;
    });
    expect(refused(doc)).toEqual(['program.tiers.levels']);
  });

  it('reports a threshold that is no amount once, and compares the next level with the last that is one', () => {
    expect(reasons(edited((d) => (d.tiers.levels[1].threshold = 'abc')))).toEqual([
      { field: 'program.tiers.levels.1.threshold', reason: 'must be a non-negative decimal amount such as "29.33"' },
    ]);
    expect(refused(edited((d) => (d.tiers.levels[0].threshold = 'abc')))).toEqual(['program.tiers.levels.0.threshold']);
    // Real errors still come.
    expect(reasons(edited((d) => {
      d.tiers.levels[1].threshold = '500.00';
      d.tiers.levels[2].threshold = '400.00';
    }))).toEqual([
      { field: 'program.tiers.levels.2.threshold', reason: 'thresholds must increase from level to level' },
    ]);
    expect(refused(edited((d) => {
      d.tiers.levels[1].threshold = 'x';
      d.tiers.levels[2].threshold = '0';
    }))).toEqual(['program.tiers.levels.1.threshold', 'program.tiers.levels.2.threshold']);
  });

  it("refuses a reward available to before it is available from, as a promotion's reversed window", () => {
    const doc = edited((d) => Object.assign(d.rewards[0], { available_from: '2026-07-01', available_to: '2026-06-01T00:00:00Z' }));
    expect(reasons(doc)).toEqual([{ field: 'program.rewards.0.available_to', reason: 'must end after it starts' }]);
    expect(refused(edited((d) => Object.assign(d.rewards[0], { available_from: '2026-07-01', available_to: '2026-07-01T00:00:00Z' })))).toEqual(['program.rewards.0.available_to']);
    expect(refused(edited((d) => Object.assign(d.rewards[0], { available_from: '2026-06-01', available_to: '2026-07-01' })))).toEqual([]);
    // A date that is no date is told so alone, in a reward and in a promotion.
    expect(refused(edited((d) => Object.assign(d.rewards[0], { available_from: 'soon', available_to: '2026-07-01' })))).toEqual(['program.rewards.0.available_from']);
    expect(refused(edited((d) => (d.earning.promotions[0].from = 'soon')))).toEqual(['program.earning.promotions.0.from']);
    expect(refused(edited((d) => (d.earning.promotions[0].to = d.earning.promotions[0].from)))).toEqual(['program.earning.promotions.0.to']);
  });

  // Regression: "fixed_discount, amount 5.00, percent 10" was applied, the percent ignored:
  // the reward gave 5.00 off to an author who meant 10 %.
  it("refuses, in a new document, a reward's field its type never reads, naming it; a stored version with one is still read", () => {
    const doc = edited((d) => {
      Object.assign(d.rewards[2], { percent: 10 }); // five-off: fixed_discount
      Object.assign(d.rewards[4], { sku: 'GC-20', percent: 5 }); // gift-card-20: gift_card
      Object.assign(d.rewards[0], { amount: '2.00' }); // coffee: free_product
    });
    const told = (() => {
      try {
        parseInput(NewProgramDocument, doc, 'program', 'program');
      } catch (error) {
        return error as AppError;
      }
      throw new Error('accepted');
    })();
    expect(told.problems).toEqual([
      { field: 'program.rewards.0.amount', reason: 'is not read for a free_product reward, only for fixed_discount, gift_card: it would be ignored; remove it or change the type' },
      { field: 'program.rewards.2.percent', reason: 'is not read for a fixed_discount reward, only for percent_discount: it would be ignored; remove it or change the type' },
      { field: 'program.rewards.4.percent', reason: 'is not read for a gift_card reward, only for percent_discount: it would be ignored; remove it or change the type' },
      { field: 'program.rewards.4.sku', reason: 'is not read for a gift_card reward, only for free_product: it would be ignored; remove it or change the type' },
    ]);
    expect(told.in('da').problems[1]!.reason).toBe('læses ikke for en belønning af typen fixed_discount, kun for percent_discount: det ville blive ignoreret; fjern det eller skift typen');
    expect(refused(doc)).toEqual([]);
    expect(NewProgramDocument.safeParse(example).success).toBe(true);
  });

  it('does not also call a malformed tier code in a reward unknown', () => {
    expect(refused(edited((d) => (d.rewards[3].tiers = ['Gold!'])))).toEqual(['program.rewards.3.tiers.0']);
    expect(reasons(edited((d) => (d.rewards[3].tiers = ['platinum'])))).toEqual([{ field: 'program.rewards.3.tiers.0', reason: 'no tier "platinum" in tiers.levels' }]);
  });
});
