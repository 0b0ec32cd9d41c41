import { invalidField } from '../shared/errors.ts';
import { isUuid, newSecret } from '../shared/ids.ts';
import { say } from '../shared/messages/index.ts';
import { inCli } from './language.ts';

// What the commands that write for a customer share: finding the customer a person names,
// and the key that makes a write happen once.

/**
 * The customer `given` names: an id as it is, else the one customer an email, phone or card
 * number finds (as the dashboard's forms look one up); refused, naming `option`, when none
 * or more than one is found. `search` is the customers' search, local or through a server.
 */
export async function customerId(
  given: string | undefined,
  search: (query: string) => Promise<{ items: { id: string }[] }>,
  option = 'customer',
): Promise<string | undefined> {
  const text = given?.trim();
  if (!text || isUuid(text)) return text || undefined;
  const found = await search(text);
  if (found.items.length === 1) return found.items[0].id;
  throw invalidField(option, say(found.items.length === 0 ? 'cli.gift_cards.no_customer' : 'cli.gift_cards.many_customers', { text }));
}

/**
 * The idempotency key of a write: the one given, else a new one, told on stderr once the
 * write is about to be sent (`announce`), so a person whose command was cut off can retry
 * it with the same key and not write twice.
 */
export function writeKey(given: string | undefined): { key: string; announce: () => void } {
  if (given !== undefined) return { key: given, announce: () => undefined };
  const key = `cli-${newSecret(12)}`;
  return { key, announce: () => process.stderr.write(`${inCli(say('cli.promotions.key_generated', { key }))}\n`) };
}
