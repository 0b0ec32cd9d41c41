import type { Entry } from './languages.ts';

// The catalogue's messages of the HTTP layer, authentication and input validation
// (index.ts says how they are used). English first: it is the text API clients have always
// read, and must stay exactly so.

export const GENERAL = {
  // ── Problem titles (src/http/problem.ts), by status ──
  'problem.400': { en: 'Bad request', sl: 'Napačna zahteva', tr: 'Hatalı istek', da: 'Ugyldig anmodning', ru: 'Неверный запрос' },
  'problem.401': { en: 'Unauthorized', sl: 'Nepooblaščen dostop', tr: 'Yetkisiz erişim', da: 'Ikke autoriseret', ru: 'Не авторизован' },
  'problem.403': { en: 'Forbidden', sl: 'Dostop ni dovoljen', tr: 'Erişim engellendi', da: 'Adgang nægtet', ru: 'Доступ запрещён' },
  'problem.404': { en: 'Not found', sl: 'Ni najdeno', tr: 'Bulunamadı', da: 'Ikke fundet', ru: 'Не найдено' },
  'problem.409': { en: 'Conflict', sl: 'Konflikt', tr: 'Çakışma', da: 'Konflikt', ru: 'Конфликт' },
  'problem.413': { en: 'Payload too large', sl: 'Vsebina je prevelika', tr: 'İçerik çok büyük', da: 'Indholdet er for stort', ru: 'Слишком большой запрос' },
  'problem.414': { en: 'URI too long', sl: 'URI je predolg', tr: 'URI çok uzun', da: 'URI er for lang', ru: 'Слишком длинный URI' },
  'problem.415': { en: 'Unsupported media type', sl: 'Nepodprta vrsta vsebine', tr: 'Desteklenmeyen içerik türü', da: 'Medietypen understøttes ikke', ru: 'Неподдерживаемый тип данных' },
  'problem.422': { en: 'Unprocessable content', sl: 'Vsebine ni mogoče obdelati', tr: 'İşlenemeyen içerik', da: 'Indholdet kan ikke behandles', ru: 'Невозможно обработать данные' },
  'problem.429': { en: 'Too many requests', sl: 'Preveč zahtev', tr: 'Çok fazla istek', da: 'For mange anmodninger', ru: 'Слишком много запросов' },
  'problem.500': { en: 'Internal server error', sl: 'Notranja napaka strežnika', tr: 'Sunucu iç hatası', da: 'Intern serverfejl', ru: 'Внутренняя ошибка сервера' },
  'problem.503': { en: 'Service unavailable', sl: 'Storitev ni na voljo', tr: 'Hizmet kullanılamıyor', da: 'Tjenesten er ikke tilgængelig', ru: 'Сервис недоступен' },
  'problem.other': { en: 'Error', sl: 'Napaka', tr: 'Hata', da: 'Fejl', ru: 'Ошибка' },

  // ── The HTTP layer ──
  // The parser's position of the error (a number), when it names one; its own English words are not repeated.
  'http.invalid_json': {
    en: 'The body is not valid JSON',
    sl: 'Telo zahteve ni veljaven JSON',
    tr: 'İstek gövdesi geçerli bir JSON değil',
    da: 'Anmodningens indhold er ikke gyldig JSON',
    ru: 'Тело запроса не является корректным JSON',
  },
  'http.invalid_json_at': {
    en: 'The body is not valid JSON (at position {position})',
    sl: 'Telo zahteve ni veljaven JSON (na položaju {position})',
    tr: 'İstek gövdesi geçerli bir JSON değil ({position}. konumda)',
    da: 'Anmodningens indhold er ikke gyldig JSON (ved position {position})',
    ru: 'Тело запроса не является корректным JSON (в позиции {position})',
  },
  // A body in a type the route does not read (415): the Content-Type received, and the one to send.
  'http.unsupported_media_type': {
    en: 'The body is sent as {received}, which this endpoint does not read: send it as {expected}',
    sl: 'Telo zahteve je poslano kot {received}, česar ta končna točka ne bere: pošljite ga kot {expected}',
    tr: 'İstek gövdesi {received} olarak gönderilmiş; bu uç nokta bunu okumaz: {expected} olarak gönderin',
    da: 'Indholdet er sendt som {received}, som dette endpoint ikke læser: send det som {expected}',
    ru: 'Тело запроса отправлено как {received}, а эта конечная точка такое не читает: отправьте его как {expected}',
  },
  'http.no_media_type': {
    en: 'The body is sent without a Content-Type: send it as {expected}',
    sl: 'Telo zahteve je poslano brez glave Content-Type: pošljite ga kot {expected}',
    tr: 'İstek gövdesi Content-Type olmadan gönderilmiş: {expected} olarak gönderin',
    da: 'Indholdet er sendt uden Content-Type: send det som {expected}',
    ru: 'Тело запроса отправлено без заголовка Content-Type: отправьте его как {expected}',
  },
  // A path parameter left empty (/customers//loyalty): {param} as the route names it, {route} its path.
  'http.empty_path_param': {
    en: 'The path gives no {param}: {route} needs one',
    sl: 'Pot ne navaja parametra {param}: {route} ga potrebuje',
    tr: 'Yol {param} değerini belirtmiyor: {route} için bu değer gerekir',
    da: 'Stien angiver intet {param}: {route} kræver et',
    ru: 'В пути не указан {param}: он нужен для {route}',
  },
  // The Idempotency-Key header (Stripe's, the IETF draft's) and the body's idempotency_key, both sent and not the same.
  'http.idempotency_key_differs': {
    en: 'the Idempotency-Key header "{header}" and the body\'s idempotency_key "{body}" differ: send one, or both the same',
    sl: 'glava Idempotency-Key "{header}" in idempotency_key v telesu "{body}" se razlikujeta: pošljite enega ali oba enaka',
    tr: 'Idempotency-Key başlığı "{header}" ile gövdedeki idempotency_key "{body}" farklı: birini ya da ikisini aynı gönderin',
    da: 'Idempotency-Key-headeren "{header}" og idempotency_key i indholdet "{body}" er forskellige: send én af dem, eller begge ens',
    ru: 'заголовок Idempotency-Key "{header}" и idempotency_key в теле "{body}" различаются: отправьте что-то одно или оба одинаковыми',
  },
  'http.internal': {
    en: 'Something went wrong on our side; it has been logged.',
    sl: 'Pri nas je šlo nekaj narobe; napaka je zabeležena.',
    tr: 'Bizim tarafımızda bir sorun oluştu; hata kaydedildi.',
    da: 'Noget gik galt hos os; fejlen er logget.',
    ru: 'Что-то пошло не так на нашей стороне; ошибка записана в журнал.',
  },
  'http.too_many_requests': {
    en: 'Too many requests; try again in {seconds} s',
    sl: 'Preveč zahtev; poskusite znova čez {seconds} s',
    tr: 'Çok fazla istek; {seconds} sn sonra yeniden deneyin',
    da: 'For mange anmodninger; prøv igen om {seconds} s',
    ru: 'Слишком много запросов; повторите через {seconds} с',
  },

  'http.no_asset': {
    en: 'No file {path} in the dashboard: it was rebuilt since this page was loaded? Reload the page',
    sl: 'Datoteke {path} v nadzorni plošči ni: je bila od nalaganja te strani na novo zgrajena? Znova naložite stran',
    tr: 'Panelde {path} dosyası yok: bu sayfa yüklendikten sonra panel yeniden mi derlendi? Sayfayı yeniden yükleyin',
    da: 'Ingen fil {path} i kontrolpanelet: er det bygget igen, efter at denne side blev indlæst? Genindlæs siden',
    ru: 'В панели управления нет файла {path}: её пересобрали после загрузки этой страницы? Перезагрузите страницу',
  },
  'http.no_route': {
    en: 'No route {method} {path}',
    sl: 'Pot {method} {path} ne obstaja',
    tr: 'Böyle bir yol yok: {method} {path}',
    da: 'Ingen rute {method} {path}',
    ru: 'Маршрута {method} {path} не существует',
  },
  // A path whose percent-encoding does not decode (/purchases/%ZZ), and one with a part
  // longer than any id or code (app.ts: MAX_PATH_PARAM), before any route reads them.
  'http.bad_url': {
    en: 'The path {path} is not a valid URL: a % must start an escape such as %20',
    sl: 'Pot {path} ni veljaven URL: znak % mora začeti kodo, kot je %20',
    tr: '{path} yolu geçerli bir URL değil: % işareti %20 gibi bir kaçış dizisi başlatmalıdır',
    da: 'Stien {path} er ikke en gyldig URL: et % skal indlede en kode som %20',
    ru: 'Путь {path} не является корректным URL: знак % должен начинать код вида %20',
  },
  'http.path_param_too_long': {
    en: 'A part of the path is longer than {limit} characters: no id or code is that long',
    sl: 'Del poti je daljši od {limit} znakov: noben id ali koda ni tako dolga',
    tr: 'Yolun bir bölümü {limit} karakterden uzun: hiçbir kimlik ya da kod bu kadar uzun değildir',
    da: 'En del af stien er længere end {limit} tegn: intet id eller nogen kode er så lang',
    ru: 'Часть пути длиннее {limit} символов: таких длинных идентификаторов и кодов не бывает',
  },

  // ── A key sent again with other values (src/shared/differences.ts): the recorded value, then this request's ──
  'conflict.value_differs': { en: '{was} (this request: {now})', sl: '{was} (ta zahteva: {now})', tr: '{was} (bu istek: {now})', da: '{was} (denne anmodning: {now})', ru: '{was} (в этом запросе: {now})' },
  // A value one side lacks where the other has one ("store lj-center (this request: none)").
  'conflict.none': { en: 'none', sl: 'brez', tr: 'yok', da: 'ingen', ru: 'нет' },

  // ── Not found (a 404's detail): the id or code as it was asked for ──
  'customer.not_found': { en: 'Customer {id} not found', sl: 'Stranke {id} ni mogoče najti', tr: 'Müşteri {id} bulunamadı', da: 'Kunden {id} blev ikke fundet', ru: 'Клиент {id} не найден' },
  'customer.not_found_merged': {
    en: 'Customer {id} (merged into {survivor}) not found',
    sl: 'Stranke {id} ni mogoče najti (združena je bila s stranko {survivor})',
    tr: 'Müşteri {id} bulunamadı ({survivor} ile birleştirildi)',
    da: 'Kunden {id} blev ikke fundet (lagt sammen med {survivor})',
    ru: 'Клиент {id} не найден (объединён с {survivor})',
  },
  // A merge of a customer merged into another already (customers' absorb): a 409, not a 404.
  'customer.merged_elsewhere': {
    en: 'Customer {id} was already merged into {survivor}, not into {target}',
    sl: 'Stranka {id} je že združena s stranko {survivor}, ne s stranko {target}',
    tr: 'Müşteri {id} zaten {survivor} ile birleştirildi, {target} ile değil',
    da: 'Kunden {id} er allerede lagt sammen med {survivor}, ikke med {target}',
    ru: 'Клиент {id} уже объединён с {survivor}, а не с {target}',
  },
  'coupon.not_found': { en: 'Coupon {code} not found', sl: 'Kupona {code} ni mogoče najti', tr: 'Kupon {code} bulunamadı', da: 'Kuponen {code} blev ikke fundet', ru: 'Купон {code} не найден' },
  'reservation.not_found': { en: 'Reservation {id} not found', sl: 'Rezervacije {id} ni mogoče najti', tr: 'Rezervasyon {id} bulunamadı', da: 'Reservationen {id} blev ikke fundet', ru: 'Резерв {id} не найден' },
  'purchase.not_found': { en: 'Purchase {id} not found', sl: 'Nakupa {id} ni mogoče najti', tr: 'Alışveriş {id} bulunamadı', da: 'Købet {id} blev ikke fundet', ru: 'Покупка {id} не найдена' },
  'program.version_not_found': {
    en: 'Program version {version} not found',
    sl: 'Različice programa {version} ni mogoče najti',
    tr: 'Program sürümü {version} bulunamadı',
    da: 'Programversion {version} blev ikke fundet',
    ru: 'Версия программы {version} не найдена',
  },
  'product.not_found': { en: 'Product {sku} not found', sl: 'Izdelka {sku} ni mogoče najti', tr: 'Ürün {sku} bulunamadı', da: 'Produktet {sku} blev ikke fundet', ru: 'Товар {sku} не найден' },
  'user.not_found': { en: 'User {user} not found', sl: 'Uporabnika {user} ni mogoče najti', tr: 'Kullanıcı {user} bulunamadı', da: 'Brugeren {user} blev ikke fundet', ru: 'Пользователь {user} не найден' },
  'user.last_owner': {
    en: 'is the only active owner: make another user an owner first, or nobody could manage users, API keys and stores',
    sl: 'je edini aktivni lastnik: najprej naredite lastnika iz drugega uporabnika, sicer nihče ne bi mogel upravljati uporabnikov, ključev API in trgovin',
    tr: 'tek etkin sahiptir: önce başka bir kullanıcıyı sahip yapın, yoksa kimse kullanıcıları, API anahtarlarını ve mağazaları yönetemez',
    da: 'er den eneste aktive ejer: gør først en anden bruger til ejer, ellers kan ingen administrere brugere, API-nøgler og butikker',
    ru: 'единственный активный владелец: сначала сделайте владельцем другого пользователя, иначе никто не сможет управлять пользователями, ключами API и магазинами',
  },
  'api_key.not_found': {
    en: 'Active API key {id} not found',
    sl: 'Aktivnega ključa API {id} ni mogoče najti',
    tr: 'Etkin API anahtarı {id} bulunamadı',
    da: 'Den aktive API-nøgle {id} blev ikke fundet',
    ru: 'Активный ключ API {id} не найден',
  },
  'webhook.not_found': { en: 'Webhook {id} not found', sl: 'Webhooka {id} ni mogoče najti', tr: 'Webhook {id} bulunamadı', da: 'Webhooken {id} blev ikke fundet', ru: 'Вебхук {id} не найден' },
  'webhook.unknown_event_type': {
    en: 'Regulars sends no event of type "{type}": name one it sends (such as loyalty.tier_changed), a family (loyalty.*) or *',
    sl: 'Regulars ne pošilja dogodkov vrste »{type}«: navedite vrsto, ki jo pošilja (na primer loyalty.tier_changed), družino (loyalty.*) ali *',
    tr: 'Regulars "{type}" türünde olay göndermez: gönderdiği bir türü (örneğin loyalty.tier_changed), bir aileyi (loyalty.*) ya da * belirtin',
    da: 'Regulars sender ingen hændelser af typen "{type}": angiv en type, den sender (f.eks. loyalty.tier_changed), en familie (loyalty.*) eller *',
    ru: 'Regulars не отправляет событий типа «{type}»: укажите тип, который он отправляет (например, loyalty.tier_changed), семейство (loyalty.*) или *',
  },
  'scores.none_yet': {
    en: 'This customer has no scores yet: scores are computed nightly (or by POST /api/v1/analytics/scores/run) for customers with purchases',
    sl: 'Ta stranka še nima ocen: ocene se za stranke z nakupi izračunajo vsako noč (ali z POST /api/v1/analytics/scores/run)',
    tr: 'Bu müşterinin henüz skoru yok: skorlar, alışveriş yapmış müşteriler için her gece (ya da POST /api/v1/analytics/scores/run ile) hesaplanır',
    da: 'Denne kunde har endnu ingen scorer: scorer beregnes hver nat (eller med POST /api/v1/analytics/scores/run) for kunder med køb',
    ru: 'У этого клиента пока нет оценок: оценки рассчитываются каждую ночь (или по запросу POST /api/v1/analytics/scores/run) для клиентов с покупками',
  },

  // ── Customers (src/modules/customers): who a customer is, and a merge ──
  'customer.needs_identity': {
    en: 'needs at least one of external_id, email, phone',
    sl: 'potrebuje vsaj eno od polj external_id, email, phone',
    tr: 'external_id, email, phone alanlarından en az biri gerekir',
    da: 'skal have mindst ét af external_id, email, phone',
    ru: 'нужно хотя бы одно из полей external_id, email, phone',
  },
  // {today} is today's date in the business's time zone: a birthday on it is a newborn's, one after it none yet.
  'customer.birthday_in_future': {
    en: 'is after today ({today}): a birthday is a day that has already come',
    sl: 'je po današnjem dnevu ({today}): rojstni dan je dan, ki je že bil',
    tr: 'bugünden ({today}) sonra: doğum günü çoktan gelmiş bir gündür',
    da: 'ligger efter i dag ({today}): en fødselsdag er en dag, der allerede har været',
    ru: 'позже сегодняшнего дня ({today}): день рождения — день, который уже был',
  },
  // {kind} is the identity's field name (email, phone, external_id), as written.
  'customer.identity_taken': {
    en: '{kind} {value} belongs to another customer ({owner}); merge the two customers instead',
    sl: '{kind} {value} pripada drugi stranki ({owner}); namesto tega združite stranki',
    tr: '{kind} {value} başka bir müşteriye ait ({owner}); bunun yerine iki müşteriyi birleştirin',
    da: '{kind} {value} tilhører en anden kunde ({owner}); læg i stedet de to kunder sammen',
    ru: '{kind} {value} принадлежит другому клиенту ({owner}); вместо этого объедините двух клиентов',
  },
  'customer.merge_into_itself': {
    en: 'a customer cannot be merged into itself',
    sl: 'stranke ni mogoče združiti same s sabo',
    tr: 'bir müşteri kendisiyle birleştirilemez',
    da: 'en kunde kan ikke lægges sammen med sig selv',
    ru: 'клиента нельзя объединить с самим собой',
  },
  'customer.phone_invalid': {
    en: '"{phone}" is not a valid phone number',
    sl: '"{phone}" ni veljavna telefonska številka',
    tr: '"{phone}" geçerli bir telefon numarası değil',
    da: '"{phone}" er ikke et gyldigt telefonnummer',
    ru: '"{phone}" — недопустимый номер телефона',
  },
  // Without PHONE_REGION a number is read only in its international form.
  'customer.phone_invalid_no_region': {
    en: '"{phone}" is not a valid phone number (use international format, e.g. +38640123456, or set PHONE_REGION)',
    sl: '"{phone}" ni veljavna telefonska številka (uporabite mednarodno obliko, npr. +38640123456, ali nastavite PHONE_REGION)',
    tr: '"{phone}" geçerli bir telefon numarası değil (uluslararası biçimi kullanın, ör. +38640123456, ya da PHONE_REGION ayarlayın)',
    da: '"{phone}" er ikke et gyldigt telefonnummer (brug internationalt format, f.eks. +38640123456, eller angiv PHONE_REGION)',
    ru: '"{phone}" — недопустимый номер телефона (используйте международный формат, например +38640123456, или задайте PHONE_REGION)',
  },
  'time_zone.iana': {
    en: 'must be an IANA time zone such as Europe/Ljubljana',
    sl: 'mora biti časovni pas IANA, na primer Europe/Ljubljana',
    tr: 'Europe/Ljubljana gibi bir IANA saat dilimi olmalıdır',
    da: 'skal være en IANA-tidszone, f.eks. Europe/Ljubljana',
    ru: 'должно быть часовым поясом IANA, например Europe/Ljubljana',
  },
  'store.code_format': {
    en: 'letters, digits, dot, dash and underscore only',
    sl: 'samo črke, števke, pika, vezaj in podčrtaj',
    tr: 'yalnızca harf, rakam, nokta, tire ve alt çizgi',
    da: 'kun bogstaver, cifre, punktum, bindestreg og understregning',
    ru: 'только буквы, цифры, точка, дефис и подчёркивание',
  },
  // A list's `cursor` that no answer of the list gave (customers, purchases).
  'cursor.not_ours': {
    en: 'not a cursor returned by this endpoint',
    sl: 'ni kazalec, ki ga je vrnila ta končna točka',
    tr: 'bu uç noktanın döndürdüğü bir imleç değil',
    da: 'er ikke en cursor, som dette endpoint har returneret',
    ru: 'это не курсор, возвращённый этой конечной точкой',
  },

  // ── Analytics' queries (src/modules/analytics): a day after today, a range too long ──
  'analytics.after_today': {
    en: 'is after today ({today} in {time_zone})',
    sl: 'je po današnjem dnevu ({today} v časovnem pasu {time_zone})',
    tr: 'bugünden sonra ({time_zone} saat diliminde bugün {today})',
    da: 'ligger efter i dag ({today} i {time_zone})',
    ru: 'позже сегодняшнего дня ({today} в часовом поясе {time_zone})',
  },
  'analytics.holdout_after_today': {
    en: 'is after today ({today} in {time_zone}): the holdout must have happened',
    sl: 'je po današnjem dnevu ({today} v časovnem pasu {time_zone}): kontrolno obdobje mora biti že mimo',
    tr: 'bugünden sonra ({time_zone} saat diliminde bugün {today}): kontrol dönemi geçmiş olmalıdır',
    da: 'ligger efter i dag ({today} i {time_zone}): kontrolperioden skal være overstået',
    ru: 'позже сегодняшнего дня ({today} в часовом поясе {time_zone}): контрольный период должен уже пройти',
  },
  'analytics.from_after_to': {
    en: 'must not be after {to} (to, today when omitted)',
    sl: 'ne sme biti po {to} (to; brez njega današnji dan)',
    tr: '{to} tarihinden sonra olamaz (to; verilmezse bugün)',
    da: 'må ikke ligge efter {to} (to; i dag, hvis det udelades)',
    ru: 'не может быть позже {to} (to; если не указано — сегодня)',
  },
  // {unit}: the months in their form for the number (metrics.service.ts MONTHS), the accusative in sl and ru.
  'analytics.range_too_long': {
    en: 'the range may span at most {months} {unit}',
    sl: 'obdobje lahko obsega največ {months} {unit}',
    tr: 'aralık en fazla {months} {unit} kapsayabilir',
    da: 'perioden må højst strække sig over {months} {unit}',
    ru: 'диапазон может охватывать максимум {months} {unit}',
  },
  'scores.run_in_progress': { en: 'A score run is already in progress', sl: 'Izračun ocen že poteka', tr: 'Bir skor hesaplaması zaten sürüyor', da: 'En scoreberegning er allerede i gang', ru: 'Расчёт оценок уже выполняется' },
  'scores.run_in_progress_since': {
    en: 'A score run is already in progress ({trigger}, started {at})',
    sl: 'Izračun ocen že poteka ({trigger}, začet {at})',
    tr: 'Bir skor hesaplaması zaten sürüyor ({trigger}, başlangıç {at})',
    da: 'En scoreberegning er allerede i gang ({trigger}, startet {at})',
    ru: 'Расчёт оценок уже выполняется ({trigger}, начат {at})',
  },

  // ── Authentication ──
  'auth.wrong_password': {
    en: 'Wrong email or password',
    sl: 'Napačen e-poštni naslov ali geslo',
    tr: 'E-posta adresi veya parola hatalı',
    da: 'Forkert e-mail eller adgangskode',
    ru: 'Неверный адрес электронной почты или пароль',
  },
  'auth.required': {
    en: 'Authentication required: send "Authorization: Bearer <API key>" or log in to the dashboard',
    sl: 'Potrebna je prijava: pošljite "Authorization: Bearer <API key>" ali se prijavite v nadzorno ploščo',
    tr: 'Kimlik doğrulaması gerekli: "Authorization: Bearer <API key>" gönderin ya da panele giriş yapın',
    da: 'Login kræves: send "Authorization: Bearer <API key>", eller log ind på kontrolpanelet',
    ru: 'Требуется вход: отправьте "Authorization: Bearer <API key>" или войдите в панель управления',
  },
  'auth.bad_key': {
    en: 'The API key is not valid (revoked, mistyped, or not a Bearer token)',
    sl: 'Ključ API ni veljaven (preklican, napačno vpisan ali ni žeton Bearer)',
    tr: 'API anahtarı geçerli değil (iptal edilmiş, yanlış yazılmış ya da Bearer belirteci değil)',
    da: 'API-nøglen er ikke gyldig (tilbagekaldt, skrevet forkert eller ikke et Bearer-token)',
    ru: 'Ключ API недействителен (отозван, введён с ошибкой или не является токеном Bearer)',
  },
  'auth.csrf': {
    en: 'Missing or wrong X-CSRF-Token header for a request made with a session cookie',
    sl: 'Zahtevi s sejnim piškotkom manjka glava X-CSRF-Token ali pa je napačna',
    tr: 'Oturum çereziyle yapılan istekte X-CSRF-Token başlığı eksik ya da hatalı',
    da: 'X-CSRF-Token-headeren mangler eller er forkert i en anmodning med en sessionscookie',
    ru: 'В запросе с сеансовым cookie нет заголовка X-CSRF-Token или он неверен',
  },
  'auth.scope_of_key': {
    en: 'This needs the "{scope}" scope; the API key has {scopes}',
    sl: 'Za to je potreben obseg "{scope}"; ključ API ima {scopes}',
    tr: 'Bunun için "{scope}" kapsamı gerekli; API anahtarının kapsamları: {scopes}',
    da: 'Dette kræver scopet "{scope}"; API-nøglen har {scopes}',
    ru: 'Для этого нужна область доступа "{scope}"; у ключа API есть: {scopes}',
  },
  'auth.user_exists': {
    en: 'A user with email {email} already exists',
    sl: 'Uporabnik z e-poštnim naslovom {email} že obstaja',
    tr: '{email} e-posta adresine sahip bir kullanıcı zaten var',
    da: 'Der findes allerede en bruger med e-mailen {email}',
    ru: 'Пользователь с адресом электронной почты {email} уже существует',
  },
  'auth.scope_of_role': {
    en: 'This needs the "{scope}" scope; your role grants {scopes}',
    sl: 'Za to je potreben obseg "{scope}"; vaša vloga dovoljuje {scopes}',
    tr: 'Bunun için "{scope}" kapsamı gerekli; rolünüzün verdiği kapsamlar: {scopes}',
    da: 'Dette kræver scopet "{scope}"; din rolle giver {scopes}',
    ru: 'Для этого нужна область доступа "{scope}"; ваша роль даёт: {scopes}',
  },

  // ── Input validation (src/shared/validation.ts; parseInput's headlines are in ./validation.ts) ──
  // What a write made safe to retry says of a missing key (a zod check's fixed text).
  'idempotency_key.required': {
    en: 'is required (it makes retries safe)',
    sl: 'je obvezno (z njim so ponovni poskusi varni)',
    tr: 'zorunludur (yeniden denemeleri güvenli kılar)',
    da: 'skal udfyldes (det gør nye forsøg sikre)',
    ru: 'обязательное поле (с ним повторные попытки безопасны)',
  },
  'field.required': { en: 'is required', sl: 'je obvezno', tr: 'zorunludur', da: 'skal udfyldes', ru: 'обязательное поле' },
  'field.positive': { en: 'must be greater than 0', sl: 'mora biti večje od 0', tr: "0'dan büyük olmalıdır", da: 'skal være større end 0', ru: 'должно быть больше 0' },
  'date.format': { en: 'must be a date YYYY-MM-DD', sl: 'mora biti datum v obliki YYYY-MM-DD', tr: 'YYYY-MM-DD biçiminde bir tarih olmalıdır', da: 'skal være en dato på formen YYYY-MM-DD', ru: 'должно быть датой в формате YYYY-MM-DD' },
  'date.not_in_calendar': { en: 'is not a calendar date', sl: 'tega datuma ni v koledarju', tr: 'takvimde böyle bir tarih yok', da: 'er ikke en dato i kalenderen', ru: 'такой даты нет в календаре' },
  // Every date a client sends is at least EARLIEST_DATE (src/shared/clock.ts): an earlier one is a typo ("0026" for 2026).
  'date.before_earliest': {
    en: 'must not be before {earliest}',
    sl: 'ne sme biti pred {earliest}',
    tr: '{earliest} tarihinden önce olamaz',
    da: 'må ikke ligge før {earliest}',
    ru: 'не может быть раньше {earliest}',
  },

  // ── Amounts (src/shared/money.ts) ──
  // Written with a decimal point in every language: the API and a file take no other (a
  // decimal comma only with an import's option), though sl, tr, da and ru write a comma.
  'amount.decimal': {
    en: 'must be a non-negative decimal amount such as "29.33"',
    sl: 'mora biti nenegativen decimalni znesek z decimalno piko (ne vejico), na primer "29.33"',
    tr: '"29.33" gibi ondalık ayırıcısı nokta (virgül değil) olan, negatif olmayan bir tutar olmalıdır',
    da: 'skal være et ikke-negativt decimalbeløb med decimalpunktum (ikke komma), f.eks. "29.33"',
    ru: 'должно быть неотрицательной десятичной суммой с точкой (не запятой), например "29.33"',
  },
  'amount.not_decimal': {
    en: '"{value}" is not a decimal amount',
    sl: '"{value}" ni decimalni znesek',
    tr: '"{value}" ondalık bir tutar değil',
    da: '"{value}" er ikke et decimalbeløb',
    ru: '"{value}" не является десятичной суммой',
  },
  'amount.too_many_decimals': {
    en: '"{value}" has more than {exponent} decimals for {currency}',
    sl: '"{value}" ima več decimalnih mest, kot jih dopušča {currency} ({exponent})',
    tr: '"{value}", {currency} için {exponent} ondalık basamaktan fazlasını içeriyor',
    da: '"{value}" har flere end {exponent} decimaler for {currency}',
    ru: '"{value}" содержит больше знаков после запятой, чем допускает {currency} ({exponent})',
  },
  'amount.too_large': { en: '"{value}" is too large', sl: '"{value}" je prevelik znesek', tr: '"{value}" çok büyük', da: '"{value}" er for stort', ru: '"{value}" — слишком большая сумма' },
  'amount.not_an_amount': { en: '{value} is not an amount', sl: '{value} ni znesek', tr: '{value} bir tutar değil', da: '{value} er ikke et beløb', ru: '{value} не является суммой' },
  'amount.out_of_range': { en: '{value} is out of range', sl: '{value} je zunaj dovoljenega obsega', tr: '{value} izin verilen aralığın dışında', da: '{value} er uden for det tilladte interval', ru: '{value} вне допустимого диапазона' },
} as const satisfies Record<string, Entry>;
