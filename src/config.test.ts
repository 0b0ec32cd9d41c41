import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

// REFERRAL_LINK: the shop's address with {code} where a member's referral code goes. A
// value that is not one stops the start with a message naming the variable; unset, there
// is no link (null), never a made-up host.

const refusal = (value: string, language: 'en' | 'sl' = 'en') => {
  try {
    loadConfig({ REFERRAL_LINK: value });
  } catch (error) {
    if (error instanceof ConfigError) return error.in(language);
    throw error;
  }
  throw new Error(`REFERRAL_LINK=${value} was taken`);
};

describe('REFERRAL_LINK', () => {
  it('is null when unset or empty', () => {
    expect(loadConfig({}).referralLink).toBeNull();
    expect(loadConfig({ REFERRAL_LINK: '' }).referralLink).toBeNull();
  });

  it('takes an http(s) URL with {code} in its query or its path', () => {
    expect(loadConfig({ REFERRAL_LINK: 'https://shop.example/?ref={code}' }).referralLink).toBe('https://shop.example/?ref={code}');
    expect(loadConfig({ REFERRAL_LINK: ' http://localhost:8080/invite/{code} ' }).referralLink).toBe('http://localhost:8080/invite/{code}');
  });

  it('refuses a URL without {code}, another scheme, or no URL, naming the variable and an example', () => {
    for (const value of ['https://shop.example/?ref=', 'ftp://shop.example/{code}', 'shop.example/?ref={code}', 'javascript:alert({code})', 'https://?ref={code}']) {
      expect(refusal(value), value).toBe('Invalid configuration:\n  REFERRAL_LINK: must be an http(s) URL of the shop with {code} where the referral code goes, such as https://shop.example/?ref={code}');
    }
    expect(refusal('https://shop.example/', 'sl')).toContain('REFERRAL_LINK: mora biti naslov URL http(s) trgovine z {code}');
  });
});
