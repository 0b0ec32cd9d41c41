// A member's referral link: the shop's address with their code in it, from the template the
// business configures (REFERRAL_LINK, config.ts: `https://shop.example/?ref={code}`). The
// friend who follows it lands on the shop with the code, which the shop keeps (a cookie, a
// discount field) and sends with the friend's claim (POST /customers/{id}/loyalty/referral)
// before their first purchase. Without a template there is no link: never a made-up host.

const PLACEHOLDER = '{code}';

/** The member's link: the template with the code in it, URL-encoded; null without a template or a code. */
export function referralLinkOf(template: string | null, code: string | null): string | null {
  return template && code ? template.replaceAll(PLACEHOLDER, encodeURIComponent(code)) : null;
}

/**
 * The shop without a code: where a link with a code nobody has leads (GET /r/{code}). The
 * query parameters the code goes into are left out, and a path is cut before the part that
 * holds it (`https://shop.example/invite/{code}` is `https://shop.example/invite/`).
 */
export function shopOf(template: string): string {
  const marker = 'regulars-referral-code';
  const url = new URL(template.replaceAll(PLACEHOLDER, marker));
  for (const [name, value] of [...url.searchParams]) if (value.includes(marker) || name.includes(marker)) url.searchParams.delete(name);
  const at = url.pathname.indexOf(marker);
  if (at >= 0) url.pathname = url.pathname.slice(0, url.pathname.lastIndexOf('/', at) + 1);
  if (url.hash.includes(marker)) url.hash = '';
  return url.toString();
}
