import type { Entry } from './languages.ts';

// Input schemas' own reasons (zod checks' messages) of users and API keys, customers'
// consent and merges, webhooks, purchase batches, a capture's body, the analytics queries
// and the activity log's filters: English exactly as API clients and the README have
// always read it. The field and parameter names they mention are quoted (`holdout_end`,
// `from`, `year`), as a client sends them; the command line renames them into its options
// (cli/option-names.ts). The values a field takes (month, quarter, year) stay as written.

export const INPUTS = {
  // ── Users and API keys (src/modules/auth/auth.schema.ts) ──
  'user.password_short': {
    en: 'must be at least 10 characters',
    sl: 'mora imeti vsaj 10 znakov',
    tr: 'en az 10 karakter olmalıdır',
    da: 'skal være på mindst 10 tegn',
    ru: 'должно содержать не менее 10 символов',
  },
  'api_key.needs_scope': {
    en: 'needs at least one scope',
    sl: 'potreben je vsaj en obseg dostopa',
    tr: 'en az bir yetki kapsamı gerekir',
    da: 'skal have mindst ét adgangsområde (scope)',
    ru: 'нужна хотя бы одна область доступа',
  },

  // ── Customers (src/modules/customers/customer.schema.ts) ──
  // {shape}: "{ status: granted|withdrawn, source }" (braces in a text would be read as a parameter).
  'customer.consent_value': {
    en: 'must be true/false (yes/no in a CSV) or {shape}',
    sl: 'mora biti true/false (v datoteki CSV yes/no) ali {shape}',
    tr: 'true/false (CSV dosyasında yes/no) ya da {shape} olmalıdır',
    da: 'skal være true/false (yes/no i en CSV-fil) eller {shape}',
    ru: 'должно быть true/false (в файле CSV — yes/no) или {shape}',
  },
  'customer.merge_from': {
    en: 'must be the id of the customer merged into this one',
    sl: 'mora biti id stranke, ki se združi v to stranko',
    tr: 'bu müşteriyle birleştirilecek müşterinin kimliği olmalıdır',
    da: 'skal være id’et på den kunde, der lægges sammen med denne',
    ru: 'должно быть id клиента, которого объединяют с этим',
  },

  // ── Webhooks (src/modules/webhooks/webhook.schema.ts) ──
  'webhook.url': { en: 'must be an http(s) URL', sl: 'mora biti naslov URL http(s)', tr: "bir http(s) URL'si olmalıdır", da: 'skal være en http(s)-URL', ru: 'должно быть URL-адресом http(s)' },
  'webhook.needs_event_type': {
    en: 'needs at least one event type',
    sl: 'potrebna je vsaj ena vrsta dogodka',
    tr: 'en az bir olay türü gerekir',
    da: 'skal have mindst én hændelsestype',
    ru: 'нужен хотя бы один тип события',
  },

  // ── Purchase batches (src/modules/commerce/purchase.schema.ts) ──
  'batch.needs_purchase': {
    en: 'needs at least one purchase',
    sl: 'potreben je vsaj en nakup',
    tr: 'en az bir alışveriş gerekir',
    da: 'skal have mindst ét køb',
    ru: 'нужна хотя бы одна покупка',
  },
  'batch.too_many': {
    en: 'at most {limit} purchases per batch',
    sl: 'v paketu je lahko največ {limit} nakupov',
    tr: 'bir pakette en fazla {limit} alışveriş olabilir',
    da: 'højst {limit} køb pr. batch',
    ru: 'не больше {limit} покупок в пакете',
  },

  // ── A capture's body (src/modules/loyalty/rewards/reservations.ts) ──
  // {keys}: the keys sent, each in quotes.
  'capture.unknown_fields': {
    en: 'unknown field {keys}: a capture takes only points',
    sl: 'neznano polje {keys}: potrditev rezervacije sprejme le points',
    tr: 'bilinmeyen alan {keys}: rezervasyon tamamlama yalnızca points alır',
    da: 'ukendt felt {keys}: en gennemførelse tager kun points',
    ru: 'неизвестное поле {keys}: списание по резерву принимает только points',
  },
  'release.unknown_fields': {
    en: 'unknown field {keys}: a release takes none and gives back all the points held (to spend some of them, capture with points)',
    sl: 'neznano polje {keys}: sprostitev rezervacije ne sprejme nobenega in vrne vse zadržane točke (za porabo dela jih potrdite s points)',
    tr: 'bilinmeyen alan {keys}: rezervasyonu bırakma hiçbir alan almaz ve tutulan tüm puanları geri verir (bir kısmını harcamak için points ile tamamlayın)',
    da: 'ukendt felt {keys}: en frigivelse tager ingen og giver alle de holdte point tilbage (for at bruge nogle af dem, gennemfør med points)',
    ru: 'неизвестное поле {keys}: отмена резерва не принимает полей и возвращает все удержанные баллы (чтобы списать часть, выполните списание с points)',
  },

  // ── Analytics' queries (src/modules/analytics/*/*.schema.ts) ──
  'analytics.period_values': {
    en: 'must be month, quarter or year',
    sl: 'mora biti month, quarter ali year',
    tr: 'month, quarter ya da year olmalıdır',
    da: 'skal være month, quarter eller year',
    ru: 'должно быть month, quarter или year',
  },
  'analytics.before_holdout_end': {
    en: 'must be before `holdout_end`',
    sl: 'mora biti pred `holdout_end`',
    tr: '`holdout_end` tarihinden önce olmalıdır',
    da: 'skal ligge før `holdout_end`',
    ru: 'должно быть раньше `holdout_end`',
  },
  'analytics.acquisition_cost': {
    en: 'must be a non-negative decimal amount such as "10.00"',
    sl: 'mora biti nenegativen decimalni znesek z decimalno piko (ne vejico), na primer "10.00"',
    tr: '"10.00" gibi ondalık ayırıcısı nokta (virgül değil) olan, negatif olmayan bir tutar olmalıdır',
    da: 'skal være et ikke-negativt decimalbeløb med decimalpunktum (ikke komma), f.eks. "10.00"',
    ru: 'должно быть неотрицательной десятичной суммой с точкой (не запятой), например "10.00"',
  },
  'analytics.year_or_range': {
    en: 'give either `year` or `from`/`to`, not both',
    sl: 'podajte bodisi `year` bodisi `from`/`to`, ne obojega',
    tr: 'ya `year` ya da `from`/`to` verin, ikisini birden değil',
    da: 'angiv enten `year` eller `from`/`to`, ikke begge',
    ru: 'укажите либо `year`, либо `from`/`to`, но не оба',
  },
  'analytics.period_or_dates': {
    en: 'give either `period` or `year`/`from`/`to`, not both',
    sl: 'podajte bodisi `period` bodisi `year`/`from`/`to`, ne obojega',
    tr: 'ya `period` ya da `year`/`from`/`to` verin, ikisini birden değil',
    da: 'angiv enten `period` eller `year`/`from`/`to`, ikke begge',
    ru: 'укажите либо `period`, либо `year`/`from`/`to`, но не оба',
  },
  'analytics.not_before_from': {
    en: 'must not be before `from`',
    sl: 'ne sme biti pred `from`',
    tr: '`from` tarihinden önce olamaz',
    da: 'må ikke ligge før `from`',
    ru: 'не может быть раньше `from`',
  },
  'analytics.not_after_to': {
    en: 'must not be after `to`',
    sl: 'ne sme biti po `to`',
    tr: '`to` tarihinden sonra olamaz',
    da: 'må ikke ligge efter `to`',
    ru: 'не может быть позже `to`',
  },
  'clv.unit_values': {
    en: 'must be day, week or month',
    sl: 'mora biti day, week ali month',
    tr: 'day, week ya da month olmalıdır',
    da: 'skal være day, week eller month',
    ru: 'должно быть day, week или month',
  },
  'clv.model_values': {
    en: 'must be bgnbd, paretonbd, gammagamma or all',
    sl: 'mora biti bgnbd, paretonbd, gammagamma ali all',
    tr: 'bgnbd, paretonbd, gammagamma ya da all olmalıdır',
    da: 'skal være bgnbd, paretonbd, gammagamma eller all',
    ru: 'должно быть bgnbd, paretonbd, gammagamma или all',
  },
  'clv.not_before_calibration_end': {
    en: 'must not be before `calibration_end`',
    sl: 'ne sme biti pred `calibration_end`',
    tr: '`calibration_end` tarihinden önce olamaz',
    da: 'må ikke ligge før `calibration_end`',
    ru: 'не может быть раньше `calibration_end`',
  },
  'clv.holdout_before_last_purchase': {
    en: 'must not be before `calibration_end`, which is {date} when not given (the last purchase day)',
    sl: 'ne sme biti pred `calibration_end`, ki je brez navedbe {date} (dan zadnjega nakupa)',
    tr: '`calibration_end` tarihinden önce olamaz; verilmediğinde bu {date} tarihidir (son alışveriş günü)',
    da: 'må ikke ligge før `calibration_end`, som uden angivelse er {date} (dagen for det sidste køb)',
    ru: 'не может быть раньше `calibration_end`, а это {date}, если не указано (день последней покупки)',
  },
  'clv.nobody_bought_by': {
    en: 'nobody had bought by {date}',
    sl: 'do {date} ni nihče ničesar kupil',
    tr: '{date} tarihine kadar kimse alışveriş yapmamıştı',
    da: 'ingen havde købt noget senest {date}',
    ru: 'к {date} никто ещё ничего не купил',
  },
  'clv.no_purchases': {
    en: 'No purchases to fit',
    sl: 'Ni nakupov, na katerih bi model prilagodili',
    tr: 'Modelin uydurulacağı alışveriş yok',
    da: 'Ingen køb at tilpasse modellen til',
    ru: 'Нет покупок для подгонки модели',
  },

  // ── The activity log's filters (src/modules/audit/audit.schema.ts) ──
  'audit.action_format': {
    en: 'must be an action such as loyalty.adjust, or a family of actions ending in a dot such as loyalty.',
    sl: 'mora biti dejanje, na primer loyalty.adjust, ali družina dejanj, ki se konča s piko, na primer loyalty.',
    tr: 'loyalty.adjust gibi bir işlem ya da loyalty. gibi noktayla biten bir işlem ailesi olmalıdır',
    da: 'skal være en handling som loyalty.adjust eller en familie af handlinger, der ender med punktum, som loyalty.',
    ru: 'должно быть действием, например loyalty.adjust, или семейством действий с точкой на конце, например loyalty.',
  },
  'audit.since_before_until': {
    en: 'must be before `until`',
    sl: 'mora biti pred `until`',
    tr: '`until` değerinden önce olmalıdır',
    da: 'skal ligge før `until`',
    ru: 'должно быть раньше `until`',
  },
} as const satisfies Record<string, Entry>;
