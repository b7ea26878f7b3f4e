import { describe, expect, it } from 'vitest';
import { walletLinkOf } from './verifier-server.ts';

describe('walletLinkOf', () => {
  it('Given an openid4vp URI, then the same-device link is the wallet page carrying its query', () => {
    const uri =
      'openid4vp://?client_id=decentralized_identifier%3Adid%3Akey%3Az&request_uri=http%3A%2F%2Flocalhost%3A4500%2Frequests%2Fabc';
    expect(walletLinkOf(uri, 'https://desk.example.org')).toBe(
      'https://desk.example.org/?client_id=decentralized_identifier%3Adid%3Akey%3Az&request_uri=http%3A%2F%2Flocalhost%3A4500%2Frequests%2Fabc',
    );
  });

  it('Given a URI without a query, then the link is the bare wallet page', () => {
    expect(walletLinkOf('openid4vp://', 'https://desk.example.org')).toBe(
      'https://desk.example.org/',
    );
  });
});
