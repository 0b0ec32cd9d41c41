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

// CURRENCY and PHONE_REGION: a code of the right shape that names no currency or no country
// (a typo: EUD for EUR, XX) stops the start too, rather than running the business in it.
const refused = (env: Record<string, string>, language: 'en' | 'sl' = 'en') => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.in(language);
    throw error;
  }
  throw new Error(`${JSON.stringify(env)} was taken`);
};

describe('CURRENCY and PHONE_REGION', () => {
  it('take ISO 4217 currencies and the countries phone numbers have', () => {
    expect(loadConfig({ CURRENCY: 'DKK', PHONE_REGION: 'SI' })).toMatchObject({ currency: 'DKK', phoneRegion: 'SI' });
    expect(loadConfig({ CURRENCY: 'JPY', PHONE_REGION: 'TR' })).toMatchObject({ currency: 'JPY', phoneRegion: 'TR' });
  });

  it('refuse a three-letter code that is no currency, naming the variable', () => {
    for (const value of ['EUD', 'XYZ', 'ABC']) {
      expect(refused({ CURRENCY: value }), value).toBe('Invalid configuration:\n  CURRENCY: unknown ISO 4217 currency');
    }
    expect(refused({ CURRENCY: 'EUD' }, 'sl')).toBe('Neveljavna nastavitev:\n  CURRENCY: neznana valuta ISO 4217');
  });

  it('refuse a two-letter code that is no country, naming the variable', () => {
    for (const value of ['XX', 'QQ', 'EU']) {
      expect(refused({ PHONE_REGION: value }), value).toBe('Invalid configuration:\n  PHONE_REGION: must be a two-letter country code such as SI');
    }
  });
});

// PUBLIC_URL: the address people use. Written without its scheme (localhost:3000,
// shop.example:8080) it still parses as a URL whose scheme is the host; such a value, or
// another scheme, stops the start instead of giving the API reference a server it cannot reach.
describe('PUBLIC_URL', () => {
  it('takes an http(s) address, and is http://localhost:$PORT unset', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://loyalty.example.com' }).publicUrl).toBe('https://loyalty.example.com');
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3000/' }).publicUrl).toBe('http://10.0.0.5:3000/');
    expect(loadConfig({ PORT: '3200' }).publicUrl).toBe('http://localhost:3200');
  });

  it('refuses an address without http:// or https://, naming the variable', () => {
    for (const value of ['localhost:3000', 'shop.example.com:8080', 'ftp://shop.example.com', 'notaurl', 'https://']) {
      expect(refused({ PUBLIC_URL: value }), value).toBe('Invalid configuration:\n  PUBLIC_URL: must be an http:// or https:// address such as https://loyalty.example.com');
    }
    expect(refused({ PUBLIC_URL: 'localhost:3000' }, 'sl')).toBe('Neveljavna nastavitev:\n  PUBLIC_URL: mora biti naslov http:// ali https://, na primer https://loyalty.example.com');
  });
});
