import { describe, expect, it } from 'vitest';
import { referralLinkOf, shopOf } from './referral-link.ts';

// The link a member shares and the shop an unknown code leads to, from REFERRAL_LINK.

describe('a referral link from its template', () => {
  it('puts the code in, URL-encoded, wherever the template has it', () => {
    expect(referralLinkOf('https://shop.example/?ref={code}', 'ANA-K7M2QX')).toBe('https://shop.example/?ref=ANA-K7M2QX');
    expect(referralLinkOf('https://shop.example/invite/{code}?c={code}', 'ŽAN-K7 2&X')).toBe('https://shop.example/invite/%C5%BDAN-K7%202%26X?c=%C5%BDAN-K7%202%26X');
  });

  it('is none without a template or without a code', () => {
    expect(referralLinkOf(null, 'ANA-K7M2QX')).toBeNull();
    expect(referralLinkOf('https://shop.example/?ref={code}', null)).toBeNull();
  });
});

describe('the shop without a code', () => {
  it('leaves out the query parameter the code goes into and keeps the others', () => {
    expect(shopOf('https://shop.example/?ref={code}')).toBe('https://shop.example/');
    expect(shopOf('https://shop.example/welcome?utm_source=friends&ref={code}#top')).toBe('https://shop.example/welcome?utm_source=friends#top');
  });

  it('cuts a path before the part that holds the code, and drops a fragment that holds it', () => {
    expect(shopOf('https://shop.example/invite/{code}/start')).toBe('https://shop.example/invite/');
    expect(shopOf('https://shop.example/r-{code}')).toBe('https://shop.example/');
    expect(shopOf('http://shop.example:8080/#ref={code}')).toBe('http://shop.example:8080/');
  });
});
