// What the demo business sells, in EUR cents. A product may be a local speciality of
// one store (simit in Istanbul, rugbrød in Copenhagen): common there, rare elsewhere,
// so product recommendations and per-store mixes differ the way real ones do.

export type Category = 'coffee' | 'tea' | 'bakery' | 'bread' | 'cakes' | 'lunch' | 'deli' | 'drinks' | 'retail';

export interface Product {
  sku: string;
  name: string;
  category: Category;
  cents: number;
  /** The store where it is a speciality. */
  local?: string;
}

const p = (sku: string, name: string, category: Category, cents: number, local?: string): Product => ({ sku, name, category, cents, local });

export const PRODUCTS: readonly Product[] = [
  p('COF-ESP', 'Espresso', 'coffee', 220), p('COF-DOP', 'Doppio', 'coffee', 300), p('COF-CAP', 'Cappuccino', 'coffee', 320),
  p('COF-LAT', 'Caffè latte', 'coffee', 350), p('COF-FLW', 'Flat white', 'coffee', 360), p('COF-AME', 'Americano', 'coffee', 280),
  p('COF-MOC', 'Mocha', 'coffee', 390), p('COF-CBR', 'Cold brew', 'coffee', 380), p('COF-TUR', 'Turkish coffee', 'coffee', 300, 'istanbul'),
  p('COF-MAC', 'Macchiato', 'coffee', 250, 'ljubljana'),
  p('TEA-BLK', 'Black tea', 'tea', 250), p('TEA-GRN', 'Green tea', 'tea', 260), p('TEA-CHA', 'Chai latte', 'tea', 360),
  p('TEA-MAT', 'Matcha latte', 'tea', 420), p('TEA-CAY', 'Çay (tulip glass)', 'tea', 120, 'istanbul'), p('TEA-HRB', 'Herbal tea', 'tea', 240),
  p('BAK-CRO', 'Croissant', 'bakery', 200), p('BAK-PAC', 'Pain au chocolat', 'bakery', 240), p('BAK-CIN', 'Cinnamon roll', 'bakery', 290, 'copenhagen'),
  p('BAK-SIM', 'Simit', 'bakery', 150, 'istanbul'), p('BAK-BUR', 'Burek', 'bakery', 330, 'ljubljana'), p('BAK-BAG', 'Bagel', 'bakery', 260),
  p('BAK-SPA', 'Spandauer', 'bakery', 310, 'copenhagen'), p('BAK-BOG', 'Poğaça', 'bakery', 160, 'istanbul'), p('BAK-MUF', 'Blueberry muffin', 'bakery', 280),
  p('BRD-SOU', 'Sourdough loaf', 'bread', 550), p('BRD-RYE', 'Rugbrød', 'bread', 520, 'copenhagen'), p('BRD-BAG', 'Baguette', 'bread', 300),
  p('BRD-SPE', 'Spelt loaf', 'bread', 580, 'ljubljana'), p('BRD-FOC', 'Focaccia', 'bread', 450),
  p('CAK-CHC', 'Cheesecake slice', 'cakes', 450), p('CAK-CAR', 'Carrot cake slice', 'cakes', 430), p('CAK-POT', 'Potica slice', 'cakes', 400, 'ljubljana'),
  p('CAK-BAK', 'Baklava (4 pcs)', 'cakes', 600, 'istanbul'), p('CAK-KRM', 'Kremšnita', 'cakes', 420, 'ljubljana'), p('CAK-BRO', 'Brownie', 'cakes', 320),
  p('CAK-HIN', 'Hindbærsnitte', 'cakes', 350, 'copenhagen'),
  p('LUN-SAN', 'Ham & cheese sandwich', 'lunch', 620), p('LUN-VEG', 'Veggie wrap', 'lunch', 650), p('LUN-SOP', 'Soup of the day', 'lunch', 580),
  p('LUN-SAL', 'Seasonal salad', 'lunch', 780), p('LUN-QUI', 'Quiche', 'lunch', 690), p('LUN-SMO', 'Smørrebrød', 'lunch', 720, 'copenhagen'),
  p('LUN-MEN', 'Menemen', 'lunch', 640, 'istanbul'), p('LUN-JOT', 'Jota', 'lunch', 690, 'ljubljana'),
  p('DEL-PRS', 'Kraški pršut 100 g', 'deli', 790, 'ljubljana'), p('DEL-CHE', 'Aged cheese 200 g', 'deli', 690), p('DEL-OLV', 'Olive mix 250 g', 'deli', 490),
  p('DEL-HUM', 'Hummus 200 g', 'deli', 390), p('DEL-PEY', 'Beyaz peynir 250 g', 'deli', 520, 'istanbul'), p('DEL-SIL', 'Pickled herring jar', 'deli', 560, 'copenhagen'),
  p('DEL-AJV', 'Ajvar jar', 'deli', 450), p('DEL-PES', 'Pesto jar', 'deli', 480),
  p('DRK-OJ', 'Fresh orange juice', 'drinks', 380), p('DRK-LEM', 'Lemonade', 'drinks', 320), p('DRK-WAT', 'Mineral water', 'drinks', 180),
  p('DRK-AYR', 'Ayran', 'drinks', 150, 'istanbul'),
  p('RET-BEA', 'Coffee beans 250 g', 'retail', 1290), p('RET-MUG', 'Regulars mug', 'retail', 1490), p('RET-GRA', 'Granola jar', 'retail', 890),
  p('RET-GFT', 'Gift box', 'retail', 2490), p('RET-CUP', 'Reusable cup', 'retail', 1190),
];

export type Daypart = 'morning' | 'lunch' | 'afternoon' | 'evening' | 'online';

/** What people buy by time of day (in-store) and on the web shop. */
export const CATEGORY_MIX: Record<Daypart, Record<Category, number>> = {
  morning: { coffee: 45, tea: 6, bakery: 30, bread: 8, cakes: 2, lunch: 2, deli: 2, drinks: 4, retail: 0.5 },
  lunch: { coffee: 25, tea: 5, bakery: 8, bread: 4, cakes: 6, lunch: 38, deli: 6, drinks: 8, retail: 0.5 },
  afternoon: { coffee: 35, tea: 10, bakery: 12, bread: 6, cakes: 25, lunch: 4, deli: 4, drinks: 4, retail: 1 },
  evening: { coffee: 20, tea: 14, bakery: 8, bread: 10, cakes: 20, lunch: 10, deli: 14, drinks: 5, retail: 1 },
  online: { coffee: 0, tea: 0, bakery: 8, bread: 20, cakes: 18, lunch: 0, deli: 30, drinks: 0, retail: 14 },
};

export const daypartOf = (hour: number): Daypart => (hour < 11 ? 'morning' : hour < 14 ? 'lunch' : hour < 17 ? 'afternoon' : 'evening');

export interface Promo {
  code: string;
  percent: number;
}

export const PROMOS = {
  welcome: { code: 'WELCOME10', percent: 10 },
  happyHour: { code: 'HAPPYHOUR15', percent: 15 },
  friend: { code: 'FRIEND20', percent: 20 },
  advent: { code: 'ADVENT10', percent: 10 },
  web: { code: 'WEB5', percent: 5 },
} as const satisfies Record<string, Promo>;
