import { counted, type Told } from '../../../shared/messages/index.ts';
import type { CountedName } from '../../../shared/plural.ts';
import type { Language } from '../../customers/index.ts';
import { text, type Program } from './program.ts';
import type { ProgramDocument } from './program.schema.ts';

// The program's names in the language an account is read in. A ledger entry keeps the
// names it was written with in one language (the English text of the program's name, or
// its only one: text() at write time), so an account asked for in Slovenian would show
// "Silver tier" and "A coffee on us" where the program says "Srebrni" and "Kava na naš
// račun". The entry also keeps the program version it was written under, and that
// version's document holds every language of the same name: the name is looked up there
// — by code where the entry kept one (a reward, a challenge), else by the very text the
// entry kept, which that document produced — and answered in the language asked for,
// falling back as text() does (English, then the first given). A name no longer found
// (an entry of a version that is gone, a multiplier named by its condition) stays as
// written.

/** An earning factor's name as the account shows it: a tier's (the phrase adds "tier"), or another name. */
export type FactorName = { tier: string } | { name: string };

export interface ProgramNames {
  /** An earning factor (entry details.factors[].name as stored). */
  factor(stored: string): FactorName;
  /** A promotion's bonus points (details.bonus_points[].name as stored). */
  promotion(stored: string): string;
  challenge(code: unknown, stored: unknown): unknown;
  reward(code: unknown, stored: unknown): unknown;
}

/** Names as the entries stored them: for an entry of a program version no longer known. */
export const STORED_NAMES: ProgramNames = {
  factor: (stored) => ({ name: stored }),
  promotion: (stored) => stored,
  challenge: (_code, stored) => stored,
  reward: (_code, stored) => stored,
};

/** The names of one program document in `language`. */
export function programNames(document: ProgramDocument, language: Language): ProgramNames {
  // Keyed by what pointsForPurchase wrote (program.ts): `${text(tier name)} tier`, text(promotion name).
  const tiers = new Map((document.tiers?.levels ?? []).map((l) => [`${text(l.name)} tier`, text(l.name, language)]));
  const promotions = new Map(document.earning.promotions.map((p) => [text(p.name), text(p.name, language)]));
  const multipliers = new Map(document.earning.multipliers.flatMap((m) => (m.name ? [[text(m.name), text(m.name, language)] as const] : [])));
  const challenges = new Map(document.challenges.map((c) => [c.code, text(c.name, language)]));
  const rewards = new Map(document.rewards.map((r) => [r.code, text(r.name, language)]));
  return {
    factor: (stored) => {
      const tier = tiers.get(stored);
      return tier !== undefined ? { tier } : { name: promotions.get(stored) ?? multipliers.get(stored) ?? stored };
    },
    promotion: (stored) => promotions.get(stored) ?? stored,
    challenge: (code, stored) => (typeof code === 'string' && challenges.get(code)) || stored,
    reward: (code, stored) => (typeof code === 'string' && rewards.get(code)) || stored,
  };
}

/**
 * The names for each entry by the program version it was written under (`program_version`;
 * an entry without one, or of a version not found, takes the program in force now, else
 * its names as stored). One book per version, built when first asked.
 */
export function namesByVersion(programs: readonly Program[], current: Program | undefined, language: Language): (version: number | null | undefined) => ProgramNames {
  const books = new Map<number | null, ProgramNames>();
  return (version) => {
    const key = version ?? null;
    let book = books.get(key);
    if (!book) {
      const program = programs.find((p) => p.version === key) ?? current;
      book = program ? programNames(program.document, language) : STORED_NAMES;
      books.set(key, book);
    }
    return book;
  };
}

// The points' name. A program names its points (points_name) as one text or per language,
// one text or its forms with numbers, and is answered in the language asked, else its
// fallback as text() reads any of its names: English, else the first it gives — so a café
// that names them only in Slovenian is read "zrn" by a Danish member too, as its tiers'
// and rewards' names are, never the product's English "points". A program that names none
// (the schema's default, the one text "points") goes by the product's own word in each
// language, by its forms: "1 point", "3 točke", "5 баллов", "5 puan".
export const POINTS_WORDS: CountedName = {
  en: { one: 'point', other: 'points' },
  sl: { one: 'točka', two: 'točki', few: 'točke', other: 'točk' },
  tr: 'puan',
  da: 'point',
  ru: { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' },
};

/**
 * The points' name with no number, as a refusal's headline says it ("Not enough beans",
 * "Premalo zrn", "Недостаточно зёрен", "Yeterli çekirdek yok"): the form that 5 takes, which
 * is also the genitive plural that "premalo" and "недостаточно" ask for.
 */
export const pointsWord = (name: CountedName): Told => counted(name, 5);

/** What a program's points are called (POINTS_WORDS when it names none, or when there is no program). */
export const pointsNameOf = (document: Pick<ProgramDocument, 'points_name'> | undefined): CountedName =>
  document === undefined || document.points_name === 'points' ? POINTS_WORDS : document.points_name;
