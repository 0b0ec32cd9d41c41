import { beforeAll, describe, expect, it } from 'vitest';
import { useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { openDatabase } from '../../db/index.ts';

// `regulars users role / disable / enable` as an operator runs them, on the embedded database
// or (REGULARS_TEST_DB=postgres) a PostgreSQL one: the same change PATCH /users/{email} makes,
// printed as what changed; the last active owner kept; refusals in the language asked, with
// nothing changed; each change in the activity log with the command line as its actor.
const cli = useCliBusiness('users');
const { run, ok } = cli;
type User = { email: string; role: string; disabled_at: string | null };
const users = () => JSON.parse(ok(run('users', 'list', '--json'))) as User[];

/** The activity log's user.update entries, oldest first, read from the database itself. */
async function userUpdates() {
  const database = await openDatabase(cli.where.DATABASE_URL ? { databaseUrl: cli.where.DATABASE_URL } : { dataDir: cli.where.DATA_DIR });
  try {
    return await database.db.selectFrom('audit_log').select(['actor', 'subject', 'details']).where('action', '=', 'user.update').orderBy('id').execute();
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  ok(run('users', 'create', '--email', 'boss@example.com', '--role', 'owner', '--password', 'a long password'));
  ok(run('users', 'create', '--email', 'mia@example.com', '--role', 'manager', '--name', 'Mia Novak'));
  ok(run('users', 'create', '--email', 'leo@example.com', '--role', 'staff'));
}, 120_000);

describe('regulars users role', () => {
  it('makes a manager an owner without asking, says what changed and what an owner may do, and records it as the command line', async () => {
    const made = run('users', 'role', 'Mia@Example.com', 'owner', '--language', 'sl');
    expect(ok(made)).toBe(
      'Vloga uporabnika mia@example.com: lastnik (prej vodja).\n' +
      'Lastnik sme vse: upravlja uporabnike, ključe API, poslovalnice in webhooke ter objavlja program zvestobe.\n',
    );
    expect(ok(run('users', 'role', 'mia@example.com', 'owner'))).toBe('mia@example.com is already owner; nothing changed.\n');
    expect(users().find((u) => u.email === 'mia@example.com')).toMatchObject({ role: 'owner', disabled_at: null });
    expect(JSON.parse(ok(run('users', 'role', 'leo@example.com', 'manager', '--json')))).toMatchObject({ email: 'leo@example.com', role: 'manager', disabled_at: null });
    // One entry a change, none for the one that changed nothing.
    expect(await userUpdates()).toEqual([
      { actor: 'cli', subject: 'mia@example.com', details: { role: { from: 'manager', to: 'owner' } } },
      { actor: 'cli', subject: 'leo@example.com', details: { role: { from: 'staff', to: 'manager' } } },
    ]);
  }, 120_000);

  it('refuses a role that is none and a user who is not there, in the language asked, and changes nothing', () => {
    const role = run('users', 'role', 'leo@example.com', 'boss', '--language', 'tr');
    expect(role.status).toBe(1);
    expect(role.stdout).toBe('');
    expect(role.stderr).toBe('Hata: Geçersiz kullanıcı: role: şunlardan biri olmalıdır: owner, manager, staff\n');
    const nobody = run('users', 'disable', 'nobody@example.com', '--language', 'ru');
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toBe('Ошибка: Пользователь nobody@example.com не найден\n');
    expect(users().map((u) => [u.email, u.role, u.disabled_at])).toEqual([
      ['boss@example.com', 'owner', null], ['leo@example.com', 'manager', null], ['mia@example.com', 'owner', null],
    ]);
  }, 120_000);
});

describe('regulars users disable / enable', () => {
  it('stops a user from logging in and allows them again, each said once; the list shows since when', () => {
    expect(ok(run('users', 'disable', 'leo@example.com'))).toBe(
      'Stopped the logins of leo@example.com: their open sessions have ended. `regulars users enable leo@example.com` allows them again.\n',
    );
    const again = ok(run('users', 'disable', 'leo@example.com', '--language', 'da'));
    expect(again).toMatch(/^Login for leo@example\.com var allerede stoppet \(siden \d{4}-\d{2}-\d{2} \d{2}:\d{2}\); intet blev ændret\.\n$/);
    const listed = ok(run('users', 'list'));
    expect(listed.split('\n')[0]).toMatch(/^email +name +role +logins +last login$/);
    expect(listed).toMatch(/\nleo@example\.com +manager +stopped since \d{4}-\d{2}-\d{2} \d{2}:\d{2} +never\n/);
    expect(listed).toMatch(/\nmia@example\.com +Mia Novak +owner +allowed +never\n/);

    expect(ok(run('users', 'enable', 'leo@example.com', '--language', 'ru'))).toBe('Пользователю leo@example.com снова разрешён вход с его паролем.\n');
    expect(ok(run('users', 'enable', 'leo@example.com'))).toBe('leo@example.com may already log in; nothing changed.\n');
  }, 120_000);

  it('keeps the last active owner: neither stopped nor demoted, told by name, and nothing changes', async () => {
    ok(run('users', 'role', 'mia@example.com', 'manager'));
    const before = await userUpdates();
    for (const args of [['disable', 'boss@example.com', '--language', 'tr'], ['role', 'BOSS@example.com', 'staff', '--language', 'tr']]) {
      const refused = run('users', ...args);
      expect(refused.status, args.join(' ')).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toBe(
        'Hata: boss@example.com tek etkin sahiptir: önce başka bir kullanıcıyı sahip yapın (`regulars users role <email> owner`), ' +
        'yoksa kimse kullanıcıları, API anahtarlarını ve mağazaları yönetemez. Hiçbir şey değişmedi.\n',
      );
    }
    expect(users().find((u) => u.email === 'boss@example.com')).toMatchObject({ role: 'owner', disabled_at: null });
    expect(await userUpdates()).toEqual(before);
  }, 120_000);
});
