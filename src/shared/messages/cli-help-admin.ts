import type { HelpTranslations } from './cli-help.ts';

// The help of `regulars users role/disable/enable/list` (src/cli/commands/users.ts), keyed
// by its English text as cli-help.ts says; part of CLI_HELP there.

export const CLI_HELP_ADMIN: Readonly<Record<string, HelpTranslations>> = {
  'list the staff users: their roles, whether they may log in, their last login': {
    sl: 'izpiši uporabnike: njihove vloge, ali se lahko prijavijo, njihovo zadnjo prijavo',
    tr: 'personel kullanıcılarını listele: rolleri, giriş yapıp yapamayacakları, son girişleri',
    da: 'vis brugerne: deres roller, om de må logge ind, deres seneste login',
    ru: 'список пользователей: их роли, разрешён ли им вход, их последний вход',
  },
  "change a staff user's role; the last active owner keeps theirs": {
    sl: 'spremeni vlogo uporabnika; zadnji aktivni lastnik svojo obdrži',
    tr: 'bir personel kullanıcısının rolünü değiştir; son etkin sahip rolünü korur',
    da: 'skift en brugers rolle; den sidste aktive ejer beholder sin',
    ru: 'изменить роль пользователя; последний активный владелец сохраняет свою',
  },
  'stop a staff user from logging in and end their sessions; the last active owner cannot be stopped': {
    sl: 'ustavi prijave uporabnika in končaj njegove seje; zadnjemu aktivnemu lastniku jih ni mogoče ustaviti',
    tr: 'bir personel kullanıcısının girişini durdur ve oturumlarını sonlandır; son etkin sahibin girişi durdurulamaz',
    da: 'stop en brugers login og afslut brugerens sessioner; den sidste aktive ejer kan ikke stoppes',
    ru: 'закрыть пользователю вход и завершить его сеансы; последнему активному владельцу вход закрыть нельзя',
  },
  'allow a stopped staff user to log in again, with their password': {
    sl: 'znova dovoli prijave ustavljenemu uporabniku, z njegovim geslom',
    tr: 'girişi durdurulmuş bir personel kullanıcısının parolasıyla yeniden giriş yapmasına izin ver',
    da: 'tillad en stoppet bruger at logge ind igen, med sin adgangskode',
    ru: 'снова разрешить вход пользователю, которому он был закрыт, с его паролем',
  },
};
