import type { Random } from './random.ts';
import type { DemoLanguage } from './stores.ts';

// Common given names and surnames per language, in their own script, so search, sorting
// and greetings meet real diacritics (Žiga, Şahin, Søren) and Cyrillic.

interface NameBook {
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
  /** A woman's form of a surname, where the language has one. */
  feminine?: (last: string) => string;
}

export const NAMES: Record<DemoLanguage, NameBook> = {
  sl: {
    female: ['Ana', 'Maja', 'Nina', 'Eva', 'Sara', 'Tina', 'Urška', 'Špela', 'Mojca', 'Petra', 'Katja', 'Nika', 'Lara', 'Zala', 'Mateja', 'Barbara'],
    male: ['Luka', 'Jan', 'Žiga', 'Matej', 'Nejc', 'Miha', 'Rok', 'Marko', 'Tomaž', 'Gregor', 'Jure', 'Anže', 'Blaž', 'Aleš', 'Primož', 'Boštjan'],
    last: ['Novak', 'Horvat', 'Kovačič', 'Krajnc', 'Zupančič', 'Potočnik', 'Kovač', 'Mlakar', 'Vidmar', 'Golob', 'Kos', 'Turk', 'Božič', 'Kralj', 'Zupan', 'Bizjak', 'Hribar', 'Korošec'],
  },
  tr: {
    female: ['Zeynep', 'Elif', 'Ayşe', 'Fatma', 'Emine', 'Selin', 'Ece', 'Defne', 'Büşra', 'Merve', 'Esra', 'Özge', 'Gül', 'Hülya', 'İrem', 'Nazlı'],
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Can', 'Burak', 'Kerem', 'Murat', 'Hüseyin', 'Oğuz', 'Çağrı', 'Barış', 'Serkan', 'İbrahim', 'Yusuf', 'Deniz'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Koç', 'Kurt', 'Özkan'],
  },
  da: {
    female: ['Emma', 'Ida', 'Freja', 'Clara', 'Sofie', 'Mette', 'Anne', 'Lærke', 'Karen', 'Mia', 'Signe', 'Astrid', 'Kirsten', 'Maja', 'Nanna', 'Birgitte'],
    male: ['William', 'Noah', 'Oscar', 'Lucas', 'Magnus', 'Søren', 'Jens', 'Frederik', 'Mads', 'Rasmus', 'Anders', 'Niels', 'Mikkel', 'Bjørn', 'Kasper', 'Thomas'],
    last: ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Møller', 'Poulsen', 'Østergaard'],
  },
  en: {
    female: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Grace', 'Chloe', 'Ella', 'Ruby', 'Emily', 'Sophie', 'Jessica', 'Hannah', 'Lucy', 'Charlotte', 'Megan', 'Zoe'],
    male: ['Oliver', 'George', 'Harry', 'Jack', 'Leo', 'James', 'Thomas', 'Daniel', 'Samuel', 'Joseph', 'William', 'Henry', 'Ethan', 'Ryan', 'Adam', 'Liam'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', "O'Brien"],
  },
  ru: {
    female: ['Анастасия', 'Мария', 'Дарья', 'Анна', 'Елена', 'Ольга', 'Татьяна', 'Ирина', 'Екатерина', 'Наталья', 'Светлана', 'Юлия', 'Ксения', 'Полина', 'Алина', 'Вера'],
    male: ['Иван', 'Дмитрий', 'Алексей', 'Сергей', 'Николай', 'Михаил', 'Павел', 'Андрей', 'Артём', 'Максим', 'Владимир', 'Егор', 'Кирилл', 'Роман', 'Илья', 'Никита'],
    last: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Новиков'],
    // Every surname above ends in -ов/-ев/-ин, whose feminine form adds -а.
    feminine: (last) => `${last}а`,
  },
};

export function personName(random: Random, language: DemoLanguage): { first: string; last: string } {
  const book = NAMES[language];
  const female = random.chance(0.55); // cafés see somewhat more women than men
  const first = random.pick(female ? book.female : book.male);
  const last = random.pick(book.last);
  return { first, last: female && book.feminine ? book.feminine(last) : last };
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
const LATIN: Record<string, string> = { ı: 'i', ø: 'o', æ: 'ae', å: 'aa', ß: 'ss' };

/** The ASCII spelling people use in an email address: "Şahin" → "sahin", "Ольга" → "olga". */
export function emailSpelling(name: string): string {
  return [...name.toLowerCase()]
    .map((ch) => CYRILLIC[ch] ?? LATIN[ch] ?? ch)
    .join('')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}
