// Opening a card checks its status once, on the citizen's request, and only where the wallet may
// fetch (docs/ux.md §Cards, docs/security.md).
import { beforeEach, describe, expect, it } from 'vitest';
import {
  forgetOpened,
  markOpenedByCitizen,
  statusFetchable,
  takeCheckOnOpen,
} from './check-on-open.ts';

const PAGE = 'https://wallet.example';
const ALLOWED = ['https://status.example.org', 'http://127.0.0.1:*'];

beforeEach(() => forgetOpened());

describe('check on open', () => {
  it('Given the citizen opened a card, when its detail asks twice, then only the first may check', () => {
    markOpenedByCitizen('a');
    expect(takeCheckOnOpen('a')).toBe(true);
    expect(takeCheckOnOpen('a')).toBe(false);
  });

  it('Given a card shown without the citizen opening it (just received), then it does not check', () => {
    expect(takeCheckOnOpen('a')).toBe(false);
  });

  it('Given the citizen opened one card, when another card asks, then it may not check, and the opened one no longer either', () => {
    markOpenedByCitizen('a');
    expect(takeCheckOnOpen('b')).toBe(false);
    expect(takeCheckOnOpen('a')).toBe(false);
  });

  it('Given the citizen opened a card and then went elsewhere, then nothing is waiting to be checked', () => {
    markOpenedByCitizen('a');
    forgetOpened();
    expect(takeCheckOnOpen('a')).toBe(false);
  });
});

describe('statusFetchable', () => {
  const at = (uri: string) => ({ status: { uri } });
  it.each([
    ['an https list on an allowed origin', true, at('https://status.example.org/lists/1.jwt')],
    ['a list on the page’s own origin', true, at(`${PAGE}/status/1`)],
    ['a list on this machine (allowed)', true, at('http://127.0.0.1:8787/status/1')],
    ['a list on another machine by plain http', false, at('http://10.0.0.8:8787/status/1')],
    [
      'an https list on an origin the operator did not allow',
      false,
      at('https://lists.elsewhere.example/1'),
    ],
    ['plain http off this machine', false, at('http://status.example.org/lists/1.jwt')],
    ['not a URL', false, at('not a url')],
    ['a javascript: URL', false, at('javascript:alert(1)')],
    ['a data: URL', false, at('data:text/plain,x')],
    ['an oversized garbage address', false, at(`https://${'a'.repeat(100_000)}`)],
    ['no status entry', false, {}],
  ] as const)('Given %s, then opening the card may fetch: %s', (_, expected, credential) => {
    expect(statusFetchable(credential, { pageOrigin: PAGE, allowList: ALLOWED })).toBe(expected);
  });
});
