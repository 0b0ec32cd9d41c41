/**
 * A code as typed, bare: upper case, without spaces or dashes. Coupon, gift-card and
 * referral codes are printed in dash-separated groups, and people copy them out of
 * e-mails and documents whose editors turn a hyphen into an en or em dash (or a minus
 * sign, or a non-breaking hyphen): every dash of Unicode's dash punctuation counts as the
 * hyphen it stands for. No stored code holds one (codes are letters, digits and hyphens),
 * so reading them this way finds no other code.
 */
export function bareCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\p{Pd}\u2212]/gu, '');
}
