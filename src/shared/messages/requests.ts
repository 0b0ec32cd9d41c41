import type { Entry } from './languages.ts';

// What a request is told of its body as it came, before any field of it is read
// (src/http): bytes that are no UTF-8, and an import's upload sent otherwise than its
// form (src/http/routes/imports.ts).

export const REQUESTS = {
  // A JSON body whose bytes are no UTF-8 (a till's windows-1250 "Ma\xC8ja"): its first bad byte, in hex, and its offset in bytes from 0.
  'http.not_utf8_at': {
    en: 'The body is not UTF-8 text (byte 0x{byte} at byte offset {position}): send JSON encoded as UTF-8',
    sl: 'Telo zahteve ni besedilo UTF-8 (bajt 0x{byte} na odmiku {position}): pošljite JSON, kodiran v UTF-8',
    tr: 'İstek gövdesi UTF-8 metni değil (bayt 0x{byte}, bayt konumu {position}): JSON\'u UTF-8 kodlamasıyla gönderin',
    da: 'Anmodningens indhold er ikke UTF-8-tekst (byte 0x{byte} ved byteposition {position}): send JSON kodet som UTF-8',
    ru: 'Тело запроса — не текст UTF-8 (байт 0x{byte} на смещении {position}): отправьте JSON в кодировке UTF-8',
  },
} as const satisfies Record<string, Entry>;
