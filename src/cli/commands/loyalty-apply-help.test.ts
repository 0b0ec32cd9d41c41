import { describe, expect, it } from 'vitest';
import { speakIn } from '../help.ts';
import { buildProgram } from '../program.ts';

// `regulars loyalty apply --help` on --tier-policy: it said "nobody moves down before their
// period ends" under upgrade_now, which stopped being true when a version dropping or
// recoding a tier level came to re-place that level's members under either policy (README,
// "Changed tier rules re-place members by the chosen policy").
const said = {
  en: ['only upward moves now', 'drops or recodes', 'under either'],
  sl: ['samo premiki navzgor', 'odstrani ali ji spremeni kodo', 'pri obeh'],
  tr: ['yalnızca yukarı', 'kaldırdığı ya da kodunu değiştirdiği', 'her ikisinde de'],
  da: ['kun op nu', 'fjerner eller giver en ny kode', 'under begge'],
  ru: ['только вверх', 'убирает или переименовывает', 'при любой из них'],
} as const;
const untrue = /before their period ends|pred koncem svojega obdobja|dönemi bitmeden düşmez|før deres periode slutter|до конца своего периода/;

describe('regulars loyalty apply --help on --tier-policy', () => {
  it('says a dropped or recoded level is re-placed under either policy, in every language', () => {
    for (const [language, words] of Object.entries(said)) {
      const program = buildProgram();
      speakIn(program, language as keyof typeof said);
      const apply = program.commands.find((c) => c.name() === 'loyalty')!.commands.find((c) => c.name() === 'apply')!;
      const help = apply.helpInformation().replace(/\s+/g, ' ');
      for (const w of words) expect(help, language).toContain(w);
      expect(help, language).not.toMatch(untrue);
    }
  });
});
