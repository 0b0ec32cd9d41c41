// The demo business: "Regulars Café & Bakery", three shops and a web shop.

export const DEMO_STORES = [
  { code: 'ljubljana', name: 'Ljubljana — Prešernov trg', city: 'Ljubljana', time_zone: 'Europe/Ljubljana', languages: [['sl', 80], ['en', 12], ['ru', 8]] },
  { code: 'istanbul', name: 'İstanbul — Kadıköy', city: 'İstanbul', time_zone: 'Europe/Istanbul', languages: [['tr', 85], ['en', 7], ['ru', 8]] },
  { code: 'copenhagen', name: 'København — Nørrebro', city: 'København', time_zone: 'Europe/Copenhagen', languages: [['da', 80], ['en', 15], ['ru', 5]] },
] as const;

export type DemoLanguage = 'en' | 'sl' | 'tr' | 'da' | 'ru';

// [sku, name, category, price in cents]
export const PRODUCTS: readonly (readonly [string, string, string, number])[] = [
  ['ESP', 'Espresso', 'coffee', 220], ['DOP', 'Doppio', 'coffee', 300], ['CAP', 'Cappuccino', 'coffee', 320],
  ['LAT', 'Caffè latte', 'coffee', 350], ['FLW', 'Flat white', 'coffee', 360], ['AME', 'Americano', 'coffee', 280],
  ['MOC', 'Mocha', 'coffee', 390], ['CBR', 'Cold brew', 'coffee', 380], ['TUR', 'Turkish coffee', 'coffee', 300],
  ['TEA', 'Black tea', 'tea', 250], ['GTE', 'Green tea', 'tea', 260], ['CHA', 'Chai latte', 'tea', 360], ['MAT', 'Matcha latte', 'tea', 420],
  ['CRO', 'Croissant', 'bakery', 200], ['PAC', 'Pain au chocolat', 'bakery', 240], ['CIN', 'Cinnamon roll', 'bakery', 290],
  ['SIM', 'Simit', 'bakery', 150], ['BUR', 'Burek', 'bakery', 330], ['RUG', 'Rugbrød', 'bakery', 420], ['BAG', 'Bagel', 'bakery', 260],
  ['SOU', 'Sourdough loaf', 'bread', 550], ['RYE', 'Rye loaf', 'bread', 520], ['BAG6', 'Baguette', 'bread', 300],
  ['CHC', 'Cheesecake slice', 'cakes', 450], ['CAR', 'Carrot cake slice', 'cakes', 430], ['POT', 'Potica slice', 'cakes', 400],
  ['BAK', 'Baklava (4 pcs)', 'cakes', 600], ['KRM', 'Kremšnita', 'cakes', 420], ['BRO', 'Brownie', 'cakes', 320],
  ['SAN', 'Ham & cheese sandwich', 'food', 620], ['VEG', 'Veggie wrap', 'food', 650], ['SOP', 'Soup of the day', 'food', 580],
  ['SAL', 'Seasonal salad', 'food', 780], ['QUI', 'Quiche', 'food', 690], ['SMO', 'Smørrebrød', 'food', 720], ['MEN', 'Menemen', 'food', 640],
  ['OJ', 'Fresh orange juice', 'drinks', 380], ['LEM', 'Lemonade', 'drinks', 320], ['WAT', 'Mineral water', 'drinks', 180],
  ['BEA', 'Coffee beans 250 g', 'retail', 1290], ['MUG', 'Regulars mug', 'retail', 1490], ['GRN', 'Granola jar', 'retail', 890],
  ['GFT', 'Gift box', 'retail', 2490],
];

export const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['coffee', 40], ['tea', 8], ['bakery', 22], ['bread', 6], ['cakes', 10], ['food', 9], ['drinks', 4], ['retail', 1],
];

export const PROMOS: readonly (readonly [string, number])[] = [['WELCOME10', 10], ['HAPPYHOUR15', 15], ['FRIEND20', 20]];

export const NAMES: Record<DemoLanguage, { first: string[]; last: string[] }> = {
  sl: { first: ['Ana', 'Maja', 'Nina', 'Eva', 'Sara', 'Luka', 'Jan', 'Žiga', 'Matej', 'Nejc', 'Tina', 'Urška', 'Miha', 'Rok', 'Špela'], last: ['Novak', 'Horvat', 'Kovačič', 'Krajnc', 'Zupančič', 'Potočnik', 'Kovač', 'Mlakar', 'Vidmar', 'Golob'] },
  tr: { first: ['Zeynep', 'Elif', 'Ayşe', 'Fatma', 'Emine', 'Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Can', 'Deniz', 'Burak', 'Selin', 'Ece', 'Kerem'], last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir'] },
  da: { first: ['Emma', 'Ida', 'Freja', 'Clara', 'Sofie', 'William', 'Noah', 'Oscar', 'Lucas', 'Magnus', 'Mette', 'Søren', 'Jens', 'Anne', 'Lærke'], last: ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen'] },
  en: { first: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Grace', 'Oliver', 'George', 'Harry', 'Jack', 'Leo', 'Chloe', 'James', 'Ella', 'Thomas', 'Ruby'], last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Walker'] },
  ru: { first: ['Anastasia', 'Maria', 'Daria', 'Anna', 'Elena', 'Ivan', 'Dmitry', 'Alexei', 'Sergei', 'Nikolai', 'Olga', 'Tatiana', 'Mikhail', 'Pavel', 'Irina'], last: ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Petrov', 'Sokolov', 'Mikhailov', 'Fedorov', 'Morozov'] },
};

/** Country of a store, for phone numbers: mobile number patterns that libphonenumber accepts. */
export const PHONE_PATTERNS: Record<string, (digits: () => string) => string> = {
  ljubljana: (d) => `+3864${['0', '1', '9'][Number(d()) % 3]}${d()}${d()}${d()}${d()}${d()}${d()}`,
  istanbul: (d) => `+9053${d()}${d()}${d()}${d()}${d()}${d()}${d()}${d()}`,
  copenhagen: (d) => `+452${d()}${d()}${d()}${d()}${d()}${d()}${d()}`,
};
