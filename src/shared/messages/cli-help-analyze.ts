import type { HelpTranslations } from './cli-help.ts';

// The help of `regulars analyze settings` (src/cli/commands/analyze-settings.ts), keyed by
// its English text as cli-help.ts says; part of CLI_HELP there.

export const CLI_HELP_ANALYZE: Readonly<Record<string, HelpTranslations>> = {
  'the stored cost of winning one customer, which the CLV subtracts; shown, or changed with --acquisition-cost or --forget-acquisition-cost (recorded in the activity log)': {
    sl: 'shranjeni strošek pridobitve ene stranke, ki ga CLV odšteje; prikazan ali spremenjen z --acquisition-cost ali --forget-acquisition-cost (zapisano v dnevnik dejavnosti)',
    tr: 'CLV\'den düşülen, kayıtlı bir müşteri kazanma maliyeti; gösterilir ya da --acquisition-cost veya --forget-acquisition-cost ile değiştirilir (etkinlik günlüğüne yazılır)',
    da: 'den gemte pris for at vinde én kunde, som CLV trækker fra; vises eller ændres med --acquisition-cost eller --forget-acquisition-cost (skrives i aktivitetsloggen)',
    ru: 'сохранённая стоимость привлечения одного клиента, которую вычитает CLV; показывается или меняется через --acquisition-cost или --forget-acquisition-cost (записывается в журнал действий)',
  },
  "store this cost of winning one customer, in the business's currency, e.g. 25.00": {
    sl: 'shrani ta strošek pridobitve ene stranke v valuti podjetja, npr. 25.00',
    tr: 'bir müşteri kazanmanın bu maliyetini işletmenin para biriminde kaydet, ör. 25.00',
    da: 'gem denne pris for at vinde én kunde i virksomhedens valuta, f.eks. 25.00',
    ru: 'сохранить эту стоимость привлечения одного клиента в валюте компании, например 25.00',
  },
  'forget the stored cost (the CLV then subtracts 0)': {
    sl: 'pozabi shranjeni strošek (CLV nato odšteje 0)',
    tr: 'kayıtlı maliyeti unut (CLV bundan sonra 0 düşer)',
    da: 'glem den gemte pris (CLV trækker derefter 0 fra)',
    ru: 'забыть сохранённую стоимость (тогда CLV вычитает 0)',
  },
};
