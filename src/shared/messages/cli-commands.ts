import type { Entry } from './languages.ts';

// What the command line prints (src/cli), in the language it is asked to speak (--language,
// REGULARS_LANGUAGE; English by default, and always with --json): here the set-up, the
// server it goes through, the demo and an import's summary. English as it has always read;
// a count with words that agree with it is one of CLI_COUNTS (cli-counts.ts), and the
// commands, options, field and column names, ids and paths stay as written.

export const CLI_COMMANDS = {
  // ── The command line itself (main.ts, context.ts) ──
  'cli.migrated': { en: 'The database is up to date.', sl: 'Podatkovna baza je posodobljena.', tr: 'Veritabanı güncel.', da: 'Databasen er opdateret.', ru: 'База данных в актуальном состоянии.' },
  // Aligned as a table: each language pads its own labels.
  'cli.status': {
    en: 'Customers: {customers}\nPurchases: {purchases}\nRevenue:   {revenue}',
    sl: 'Stranke:  {customers}\nNakupi:   {purchases}\nPrihodki: {revenue}',
    tr: 'Müşteriler:   {customers}\nAlışverişler: {purchases}\nCiro:         {revenue}',
    da: 'Kunder:    {customers}\nKøb:       {purchases}\nOmsætning: {revenue}',
    ru: 'Клиенты: {customers}\nПокупки: {purchases}\nВыручка: {revenue}',
  },
  // ── Start-up: the environment (config.ts), the database looked for (db/presence.ts), the server (main.ts) ──
  // Followed by one line per variable: "  CURRENCY: must be …".
  'config.invalid': { en: 'Invalid configuration:', sl: 'Neveljavna nastavitev:', tr: 'Geçersiz yapılandırma:', da: 'Ugyldig konfiguration:', ru: 'Неверная конфигурация:' },
  'config.postgres_url': {
    en: 'must be a postgres:// URL',
    sl: 'mora biti naslov URL postgres://',
    tr: 'bir postgres:// adresi olmalıdır',
    da: 'skal være en postgres://-URL',
    ru: 'должен быть адресом postgres://',
  },
  'config.currency_code': {
    en: 'must be an ISO 4217 code such as EUR',
    sl: 'mora biti koda ISO 4217, na primer EUR',
    tr: 'EUR gibi bir ISO 4217 kodu olmalıdır',
    da: 'skal være en ISO 4217-kode, f.eks. EUR',
    ru: 'должен быть кодом ISO 4217, например EUR',
  },
  'config.currency_unknown': {
    en: 'unknown ISO 4217 currency',
    sl: 'neznana valuta ISO 4217',
    tr: 'bilinmeyen ISO 4217 para birimi',
    da: 'ukendt ISO 4217-valuta',
    ru: 'неизвестная валюта ISO 4217',
  },
  'config.country': {
    en: 'must be a two-letter country code such as SI',
    sl: 'mora biti dvočrkovna koda države, na primer SI',
    tr: 'SI gibi iki harfli bir ülke kodu olmalıdır',
    da: 'skal være en landekode på to bogstaver, f.eks. SI',
    ru: 'должен быть двухбуквенным кодом страны, например SI',
  },
  'config.public_url': {
    en: 'must be an http:// or https:// address such as https://loyalty.example.com',
    sl: 'mora biti naslov http:// ali https://, na primer https://loyalty.example.com',
    tr: 'https://loyalty.example.com gibi bir http:// veya https:// adresi olmalıdır',
    da: 'skal være en http://- eller https://-adresse, f.eks. https://loyalty.example.com',
    ru: 'должен быть адресом http:// или https://, например https://loyalty.example.com',
  },
  'config.referral_link': {
    en: 'must be an http(s) URL of the shop with {placeholder} where the referral code goes, such as {example}',
    sl: 'mora biti naslov URL http(s) trgovine z {placeholder} na mestu kode priporočila, na primer {example}',
    tr: 'tavsiye kodunun geleceği yerde {placeholder} bulunan, mağazanın http(s) adresi olmalıdır; örneğin {example}',
    da: 'skal være butikkens http(s)-URL med {placeholder}, hvor henvisningskoden skal stå, f.eks. {example}',
    ru: 'должен быть адресом http(s) магазина с {placeholder} на месте реферального кода, например {example}',
  },
  // {command}: the command as typed after `regulars` (status, loyalty verify).
  'cli.no_database_url': {
    en: 'The PostgreSQL database at DATABASE_URL ({where}) has no Regulars data: `regulars {command}` works on an existing database and changed nothing.\nSet DATABASE_URL to the database your server uses, or run `regulars migrate` to set up a new one there.',
    sl: 'Podatkovna baza PostgreSQL na DATABASE_URL ({where}) nima podatkov Regulars: `regulars {command}` deluje na obstoječi podatkovni bazi in ni ničesar spremenil.\nNastavite DATABASE_URL na podatkovno bazo, ki jo uporablja vaš strežnik, ali zaženite `regulars migrate`, da tam pripravite novo.',
    tr: "DATABASE_URL'deki PostgreSQL veritabanında ({where}) Regulars verisi yok: `regulars {command}` var olan bir veritabanında çalışır ve hiçbir şeyi değiştirmedi.\nDATABASE_URL'yi sunucunuzun kullandığı veritabanına ayarlayın veya orada yenisini kurmak için `regulars migrate` çalıştırın.",
    da: 'PostgreSQL-databasen på DATABASE_URL ({where}) har ingen Regulars-data: `regulars {command}` virker på en eksisterende database og ændrede intet.\nSæt DATABASE_URL til den database, jeres server bruger, eller kør `regulars migrate` for at oprette en ny der.',
    ru: 'В базе данных PostgreSQL по DATABASE_URL ({where}) нет данных Regulars: `regulars {command}` работает с существующей базой данных и ничего не изменила.\nУкажите в DATABASE_URL базу данных вашего сервера или выполните `regulars migrate`, чтобы создать там новую.',
  },
  'cli.no_database_folder': {
    en: 'No Regulars database in DATA_DIR={folder}: `regulars {command}` works on an existing database and created nothing.\nSet DATA_DIR to the folder your server keeps its data in (`npm start` in the checkout: its ./data), or DATABASE_URL to its PostgreSQL database; `regulars migrate` (or `npm start`) creates a new database here.',
    sl: 'V DATA_DIR={folder} ni podatkovne baze Regulars: `regulars {command}` deluje na obstoječi podatkovni bazi in ni ničesar ustvaril.\nNastavite DATA_DIR na mapo, v kateri vaš strežnik hrani podatke (`npm start` v mapi projekta: njena ./data), ali DATABASE_URL na njegovo podatkovno bazo PostgreSQL; `regulars migrate` (ali `npm start`) tu ustvari novo podatkovno bazo.',
    tr: 'DATA_DIR={folder} içinde Regulars veritabanı yok: `regulars {command}` var olan bir veritabanında çalışır ve hiçbir şey oluşturmadı.\nDATA_DIR\'ı sunucunuzun verilerini tuttuğu klasöre (proje klasöründe `npm start`: onun ./data klasörü) veya DATABASE_URL\'yi onun PostgreSQL veritabanına ayarlayın; `regulars migrate` (veya `npm start`) burada yeni bir veritabanı oluşturur.',
    da: 'Ingen Regulars-database i DATA_DIR={folder}: `regulars {command}` virker på en eksisterende database og oprettede intet.\nSæt DATA_DIR til den mappe, jeres server gemmer sine data i (`npm start` i projektmappen: dens ./data), eller DATABASE_URL til dens PostgreSQL-database; `regulars migrate` (eller `npm start`) opretter en ny database her.',
    ru: 'В DATA_DIR={folder} нет базы данных Regulars: `regulars {command}` работает с существующей базой данных и ничего не создала.\nУкажите в DATA_DIR папку, где сервер хранит данные (`npm start` в папке проекта: её ./data), или в DATABASE_URL его базу данных PostgreSQL; `regulars migrate` (или `npm start`) создаст здесь новую базу данных.',
  },
  'cli.no_database_default_folder': {
    en: 'No Regulars database in {folder} (DATA_DIR is not set, so ./data of the current folder): `regulars {command}` works on an existing database and created nothing.\nSet DATA_DIR to the folder your server keeps its data in (`npm start` in the checkout: its ./data), or DATABASE_URL to its PostgreSQL database; `regulars migrate` (or `npm start`) creates a new database here.',
    sl: 'V {folder} ni podatkovne baze Regulars (DATA_DIR ni nastavljen, zato ./data trenutne mape): `regulars {command}` deluje na obstoječi podatkovni bazi in ni ničesar ustvaril.\nNastavite DATA_DIR na mapo, v kateri vaš strežnik hrani podatke (`npm start` v mapi projekta: njena ./data), ali DATABASE_URL na njegovo podatkovno bazo PostgreSQL; `regulars migrate` (ali `npm start`) tu ustvari novo podatkovno bazo.',
    tr: '{folder} içinde Regulars veritabanı yok (DATA_DIR ayarlı değil, bu yüzden geçerli klasörün ./data klasörü): `regulars {command}` var olan bir veritabanında çalışır ve hiçbir şey oluşturmadı.\nDATA_DIR\'ı sunucunuzun verilerini tuttuğu klasöre (proje klasöründe `npm start`: onun ./data klasörü) veya DATABASE_URL\'yi onun PostgreSQL veritabanına ayarlayın; `regulars migrate` (veya `npm start`) burada yeni bir veritabanı oluşturur.',
    da: 'Ingen Regulars-database i {folder} (DATA_DIR er ikke sat, så den aktuelle mappes ./data): `regulars {command}` virker på en eksisterende database og oprettede intet.\nSæt DATA_DIR til den mappe, jeres server gemmer sine data i (`npm start` i projektmappen: dens ./data), eller DATABASE_URL til dens PostgreSQL-database; `regulars migrate` (eller `npm start`) opretter en ny database her.',
    ru: 'В {folder} нет базы данных Regulars (DATA_DIR не задан, поэтому ./data текущей папки): `regulars {command}` работает с существующей базой данных и ничего не создала.\nУкажите в DATA_DIR папку, где сервер хранит данные (`npm start` в папке проекта: её ./data), или в DATABASE_URL его базу данных PostgreSQL; `regulars migrate` (или `npm start`) создаст здесь новую базу данных.',
  },
  // The embedded database's folder lock (db/lock.ts). {since}: an ISO timestamp.
  'db.folder_in_use': {
    en: 'The data folder {folder} is in use by another Regulars process: pid {pid}, "{command}"{serving}, since {since}. Stop it first, or use its HTTP API / dashboard instead: the CLI\'s other commands go through a running server by themselves, and a server migrates the database when it starts. Two processes on one embedded database would lose writes.',
    sl: 'Podatkovno mapo {folder} uporablja drug proces Regulars: pid {pid}, "{command}"{serving}, od {since}. Najprej ga ustavite ali namesto tega uporabite njegov HTTP API / nadzorno ploščo: drugi ukazi CLI gredo skozi delujoči strežnik sami, strežnik pa ob zagonu posodobi podatkovno bazo. Dva procesa na eni vgrajeni podatkovni bazi bi izgubljala zapise.',
    tr: '{folder} veri klasörü başka bir Regulars işlemi tarafından kullanılıyor: pid {pid}, "{command}"{serving}, {since} tarihinden beri. Önce onu durdurun ya da onun yerine HTTP API\'sini / yönetim panelini kullanın: CLI\'nin diğer komutları çalışan bir sunucu üzerinden kendiliğinden geçer ve sunucu başlarken veritabanını günceller. Tek bir gömülü veritabanında iki işlem yazılanları kaybeder.',
    da: 'Datamappen {folder} bruges af en anden Regulars-proces: pid {pid}, "{command}"{serving}, siden {since}. Stop den først, eller brug dens HTTP-API / kontrolpanel i stedet: CLI\'ens andre kommandoer går selv gennem en kørende server, og en server opdaterer databasen, når den starter. To processer på én indbygget database ville miste skrivninger.',
    ru: 'Папка данных {folder} занята другим процессом Regulars: pid {pid}, "{command}"{serving}, с {since}. Сначала остановите его или используйте вместо этого его HTTP API / панель управления: остальные команды CLI сами идут через работающий сервер, а сервер при запуске обновляет базу данных. Два процесса на одной встроенной базе данных теряли бы записи.',
  },
  'db.folder_serving': { en: ' (serving on port {port})', sl: ' (streže na vratih {port})', tr: ' ({port} numaralı bağlantı noktasında hizmet veriyor)', da: ' (betjener port {port})', ru: ' (обслуживает порт {port})' },
  'db.folder_lock_failed': {
    en: 'Could not lock the data folder {folder}',
    sl: 'Podatkovne mape {folder} ni bilo mogoče zakleniti',
    tr: '{folder} veri klasörü kilitlenemedi',
    da: 'Kunne ikke låse datamappen {folder}',
    ru: 'Не удалось заблокировать папку данных {folder}',
  },
  'serve.running_embedded': {
    en: 'Regulars is running at {url} (database: embedded, in {folder})',
    sl: 'Regulars teče na {url} (podatkovna baza: vgrajena, v {folder})',
    tr: 'Regulars {url} adresinde çalışıyor (veritabanı: gömülü, {folder} içinde)',
    da: 'Regulars kører på {url} (database: indbygget, i {folder})',
    ru: 'Regulars работает по адресу {url} (база данных: встроенная, в {folder})',
  },
  'serve.running_postgres': {
    en: 'Regulars is running at {url} (database: PostgreSQL)',
    sl: 'Regulars teče na {url} (podatkovna baza: PostgreSQL)',
    tr: 'Regulars {url} adresinde çalışıyor (veritabanı: PostgreSQL)',
    da: 'Regulars kører på {url} (database: PostgreSQL)',
    ru: 'Regulars работает по адресу {url} (база данных: PostgreSQL)',
  },
  // Aligned as a table: each language pads its own labels.
  'serve.first_start': {
    en: '\nFirst start — log in to the dashboard at {url} with\n  email:    {email}\n  password: {password}\nKeep the password somewhere safe: it is not shown again (`npx regulars users reset-password {email}` makes a new one).\n',
    sl: '\nPrvi zagon — prijavite se v nadzorno ploščo na {url} z\n  e-pošta: {email}\n  geslo:   {password}\nGeslo shranite na varno: znova ne bo prikazano (`npx regulars users reset-password {email}` ustvari novo).\n',
    tr: '\nİlk başlatma — yönetim paneline {url} adresinden şu bilgilerle giriş yapın\n  e-posta: {email}\n  parola:  {password}\nParolayı güvenli bir yerde saklayın: bir daha gösterilmeyecek (`npx regulars users reset-password {email}` yenisini oluşturur).\n',
    da: '\nFørste start — log ind i kontrolpanelet på {url} med\n  e-mail:      {email}\n  adgangskode: {password}\nGem adgangskoden et sikkert sted: den vises ikke igen (`npx regulars users reset-password {email}` laver en ny).\n',
    ru: '\nПервый запуск — войдите в панель управления по адресу {url}:\n  эл. почта: {email}\n  пароль:    {password}\nСохраните пароль в надёжном месте: он больше не будет показан (`npx regulars users reset-password {email}` создаст новый).\n',
  },
  'serve.stopping': { en: '{signal}: stopping…', sl: '{signal}: ustavljanje …', tr: '{signal}: durduruluyor…', da: '{signal}: stopper …', ru: '{signal}: остановка…' },
  'cli.database_created_url': {
    en: 'Set up a new Regulars database at DATABASE_URL.',
    sl: 'Na DATABASE_URL je pripravljena nova podatkovna baza Regulars.',
    tr: 'DATABASE_URL adresinde yeni bir Regulars veritabanı kuruldu.',
    da: 'Oprettede en ny Regulars-database på DATABASE_URL.',
    ru: 'По адресу DATABASE_URL создана новая база данных Regulars.',
  },
  'cli.database_created': {
    en: 'Created a new Regulars database in {folder} (DATA_DIR).',
    sl: 'V {folder} je ustvarjena nova podatkovna baza Regulars (DATA_DIR).',
    tr: '{folder} içinde yeni bir Regulars veritabanı oluşturuldu (DATA_DIR).',
    da: 'Oprettede en ny Regulars-database i {folder} (DATA_DIR).',
    ru: 'В {folder} создана новая база данных Regulars (DATA_DIR).',
  },
  'cli.database_created_here': {
    en: 'Created a new Regulars database in {folder} (DATA_DIR is not set: ./data of the current folder).',
    sl: 'V {folder} je ustvarjena nova podatkovna baza Regulars (DATA_DIR ni nastavljen: ./data v trenutni mapi).',
    tr: '{folder} içinde yeni bir Regulars veritabanı oluşturuldu (DATA_DIR ayarlanmamış: geçerli klasördeki ./data).',
    da: 'Oprettede en ny Regulars-database i {folder} (DATA_DIR er ikke sat: ./data i den aktuelle mappe).',
    ru: 'В {folder} создана новая база данных Regulars (DATA_DIR не задан: ./data в текущей папке).',
  },
  'cli.through_server': {
    en: '(through the Regulars server at {url}, which holds the data folder)',
    sl: '(prek strežnika Regulars na {url}, ki uporablja podatkovno mapo)',
    tr: '(veri klasörünü tutan {url} adresindeki Regulars sunucusu üzerinden)',
    da: '(gennem Regulars-serveren på {url}, som har datamappen)',
    ru: '(через сервер Regulars по адресу {url}, который занимает папку данных)',
  },

  // ── The server it goes through (remote.ts) ──
  'cli.server_not_json': {
    en: 'The server at {url} answered {status} with something other than JSON',
    sl: 'Strežnik na {url} je odgovoril s {status}, a ne v obliki JSON',
    tr: '{url} adresindeki sunucu {status} ile JSON olmayan bir yanıt verdi',
    da: 'Serveren på {url} svarede {status} med noget andet end JSON',
    ru: 'Сервер по адресу {url} ответил {status}, но не в формате JSON',
  },
  'cli.server_answered': {
    en: 'The server at {url} answered {status}',
    sl: 'Strežnik na {url} je odgovoril s {status}',
    tr: '{url} adresindeki sunucu {status} yanıtını verdi',
    da: 'Serveren på {url} svarede {status}',
    ru: 'Сервер по адресу {url} ответил {status}',
  },
  'cli.server_silent': {
    en: 'The Regulars server (pid {pid}) holds the data folder but does not answer at {url}: is it still starting? Try again in a moment.',
    sl: 'Strežnik Regulars (pid {pid}) uporablja podatkovno mapo, a na {url} ne odgovarja: se morda še zaganja? Poskusite znova čez trenutek.',
    tr: 'Regulars sunucusu (pid {pid}) veri klasörünü tutuyor ama {url} adresinde yanıt vermiyor: hâlâ başlıyor olabilir mi? Birazdan yeniden deneyin.',
    da: 'Regulars-serveren (pid {pid}) har datamappen, men svarer ikke på {url}: er den stadig ved at starte? Prøv igen om et øjeblik.',
    ru: 'Сервер Regulars (pid {pid}) занимает папку данных, но не отвечает по адресу {url}: может быть, он ещё запускается? Повторите попытку чуть позже.',
  },
  'cli.server_lost': {
    en: 'The Regulars server at {url} stopped answering before the end (was it stopped?). What it finished is stored; once it runs again, run the same command: nothing is counted twice.',
    sl: 'Strežnik Regulars na {url} je nehal odgovarjati pred koncem (je bil ustavljen?). Kar je dokončal, je shranjeno; ko spet teče, zaženite isti ukaz: nič ne bo šteto dvakrat.',
    tr: '{url} adresindeki Regulars sunucusu işini bitirmeden yanıt vermeyi kesti (durduruldu mu?). Bitirdikleri kaydedildi; yeniden çalıştığında aynı komutu çalıştırın: hiçbir şey iki kez sayılmaz.',
    da: 'Regulars-serveren på {url} holdt op med at svare før tid (blev den stoppet?). Det, den nåede at gøre færdigt, er gemt; når den kører igen, så kør den samme kommando: intet tælles to gange.',
    ru: 'Сервер Regulars по адресу {url} перестал отвечать, не закончив (его остановили?). Всё, что он успел сделать, сохранено; когда он снова заработает, выполните ту же команду: ничего не будет учтено дважды.',
  },
  // An erased customer's 404 (its problem's erased_at, locally the service's error alike): when, not only "not found".
  'cli.customer_erased': {
    en: '{detail}: the customer was erased on {at}',
    sl: '{detail}: stranka je bila izbrisana {at}',
    tr: '{detail}: müşteri {at} tarihinde silindi',
    da: '{detail}: kunden blev slettet {at}',
    ru: '{detail}: клиент был удалён {at}',
  },
  // A merged customer's 404 read by id (its problem's merged_at): when the merge was made.
  'cli.customer_merged': {
    en: '{detail}: merged on {at}',
    sl: '{detail}; datum združitve: {at}',
    tr: '{detail}; birleştirme tarihi: {at}',
    da: '{detail}; lagt sammen {at}',
    ru: '{detail}; дата объединения: {at}',
  },

  // ── Options and files ──
  'cli.no_such_file': { en: 'no such file: {file}', sl: 'te datoteke ni: {file}', tr: 'böyle bir dosya yok: {file}', da: 'filen findes ikke: {file}', ru: 'нет такого файла: {file}' },
  'cli.file_missing': { en: '{file}: no such file', sl: '{file}: te datoteke ni', tr: '{file}: böyle bir dosya yok', da: '{file}: filen findes ikke', ru: '{file}: нет такого файла' },
  'cli.is_folder': { en: '{file} is a folder, not a file', sl: '{file} je mapa, ne datoteka', tr: '{file} bir klasör, dosya değil', da: '{file} er en mappe, ikke en fil', ru: '{file} — папка, а не файл' },
  // A file that is not JSON (src/cli/commands/read-json.ts): where it breaks, line and column from 1, not the engine's English reason.
  'cli.not_json': { en: '{file} is not JSON', sl: '{file} ni JSON', tr: '{file} JSON değil', da: '{file} er ikke JSON', ru: '{file} — не JSON' },
  'cli.not_json_at': {
    en: '{file} is not JSON: a syntax error at line {line}, column {column}',
    sl: '{file} ni JSON: skladenjska napaka v vrstici {line}, stolpec {column}',
    tr: '{file} JSON değil: {line}. satır, {column}. sütunda söz dizimi hatası',
    da: '{file} er ikke JSON: syntaksfejl i linje {line}, kolonne {column}',
    ru: '{file} — не JSON: синтаксическая ошибка в строке {line}, столбце {column}',
  },
  'cli.not_json_ends': {
    en: '{file} is not JSON: it ends too early, at line {line}, column {column}: a bracket or a quotation mark is not closed',
    sl: '{file} ni JSON: konča se prezgodaj, v vrstici {line}, stolpec {column}: oklepaj ali narekovaj ni zaprt',
    tr: '{file} JSON değil: erken bitiyor ({line}. satır, {column}. sütun): bir parantez ya da tırnak işareti kapatılmamış',
    da: '{file} er ikke JSON: den slutter for tidligt, i linje {line}, kolonne {column}: en parentes eller et anførselstegn er ikke lukket',
    ru: '{file} — не JSON: обрывается раньше времени, в строке {line}, столбце {column}: не закрыта скобка или кавычка',
  },
  'cli.whole_at_least_one': {
    en: 'must be a whole number ≥ 1, not "{value}"',
    sl: 'mora biti celo število ≥ 1, ne "{value}"',
    tr: '≥ 1 bir tam sayı olmalıdır, "{value}" değil',
    da: 'skal være et helt tal ≥ 1, ikke "{value}"',
    ru: 'должно быть целым числом ≥ 1, а не "{value}"',
  },

  // ── keys, users, stores (admin.ts) ──
  'cli.key_created': {
    en: 'API key "{name}" ({scopes}):\n\n  {key}\n\nStore it now: it is not shown again. Send it as "Authorization: Bearer {prefix}…".',
    sl: 'Ključ API "{name}" ({scopes}):\n\n  {key}\n\nShranite ga zdaj: znova ne bo prikazan. Pošiljajte ga kot "Authorization: Bearer {prefix}…".',
    tr: 'API anahtarı "{name}" ({scopes}):\n\n  {key}\n\nŞimdi saklayın: bir daha gösterilmeyecek. "Authorization: Bearer {prefix}…" olarak gönderin.',
    da: 'API-nøgle "{name}" ({scopes}):\n\n  {key}\n\nGem den nu: den vises ikke igen. Send den som "Authorization: Bearer {prefix}…".',
    ru: 'Ключ API "{name}" ({scopes}):\n\n  {key}\n\nСохраните его сейчас: он больше не будет показан. Передавайте его как "Authorization: Bearer {prefix}…".',
  },
  'cli.key_active': { en: 'active', sl: 'aktiven', tr: 'etkin', da: 'aktiv', ru: 'активен' },
  'cli.no_keys': { en: 'No API keys.', sl: 'Ni ključev API.', tr: 'API anahtarı yok.', da: 'Ingen API-nøgler.', ru: 'Ключей API нет.' },
  'cli.key_revoked_id': { en: 'Revoked {id}.', sl: 'Ključ {id} je preklican.', tr: '{id} anahtarı iptal edildi.', da: 'Nøglen {id} er tilbagekaldt.', ru: 'Ключ {id} отозван.' },
  'cli.user_created': {
    en: 'Created {role} {email}',
    sl: 'Ustvarjen je uporabnik {email} (vloga {role})',
    tr: '{email} kullanıcısı oluşturuldu (rol: {role})',
    da: 'Oprettede {email} med rollen {role}',
    ru: 'Создан пользователь {email} (роль {role})',
  },
  'cli.password': { en: 'Password: {password}', sl: 'Geslo: {password}', tr: 'Parola: {password}', da: 'Adgangskode: {password}', ru: 'Пароль: {password}' },
  'cli.password_reset': {
    en: 'New password for {email}: {password}',
    sl: 'Novo geslo za {email}: {password}',
    tr: '{email} için yeni parola: {password}',
    da: 'Ny adgangskode til {email}: {password}',
    ru: 'Новый пароль для {email}: {password}',
  },
  'cli.store': { en: 'Store {code}: {name} ({time_zone})', sl: 'Trgovina {code}: {name} ({time_zone})', tr: 'Mağaza {code}: {name} ({time_zone})', da: 'Butik {code}: {name} ({time_zone})', ru: 'Магазин {code}: {name} ({time_zone})' },
  'cli.no_stores': { en: 'No stores.', sl: 'Ni trgovin.', tr: 'Mağaza yok.', da: 'Ingen butikker.', ru: 'Магазинов нет.' },

  // ── demo (data.ts) ──
  'cli.demo_progress': {
    en: 'customers {customers} / {total}, purchases {purchases}',
    sl: 'stranke {customers} / {total}, nakupi {purchases}',
    tr: 'müşteriler {customers} / {total}, alışverişler {purchases}',
    da: 'kunder {customers} / {total}, køb {purchases}',
    ru: 'клиенты {customers} / {total}, покупки {purchases}',
  },
  'cli.demo_done': {
    en: 'Demo business (seed {seed}): {stores}, {customers}, {purchases} ({created}), {refunds}, {redemptions}; revenue in the store {revenue}.',
    sl: 'Demo podjetje (seme {seed}): {stores}, {customers}, {purchases} ({created}), {refunds}, {redemptions}; prihodki v trgovinah {revenue}.',
    tr: 'Demo işletme (tohum {seed}): {stores}, {customers}, {purchases} ({created}), {refunds}, {redemptions}; mağazalardaki ciro {revenue}.',
    da: 'Demovirksomhed (seed {seed}): {stores}, {customers}, {purchases} ({created}), {refunds}, {redemptions}; omsætning i butikkerne {revenue}.',
    ru: 'Демо-бизнес (seed {seed}): {stores}, {customers}, {purchases} ({created}), {refunds}, {redemptions}; выручка в магазинах {revenue}.',
  },
} as const satisfies Record<string, Entry>;
