import { describe, expect, it, vi } from 'vitest';
import { recogniseIncoming } from './incoming-link.ts';
import { registerWalletProtocol, walletLinkFor } from './protocol-handler.ts';

const REQUEST = 'openid4vp://?client_id=x&request_uri=https%3A%2F%2Fv.example%2Fr%2F1';

describe('the web+vouch protocol handler', () => {
  it('Given a browser that supports it, when the citizen asks, then web+vouch is registered to /#link=%s on this origin', () => {
    const registerProtocolHandler = vi.fn();
    expect(registerWalletProtocol({ registerProtocolHandler }, 'https://wallet.example')).toBe(
      'asked',
    );
    expect(registerProtocolHandler).toHaveBeenCalledWith(
      'web+vouch',
      'https://wallet.example/#link=%s',
    );
  });

  it('Given a browser without it, or one that throws, then the answer is unsupported', () => {
    expect(registerWalletProtocol({}, 'https://wallet.example')).toBe('unsupported');
    expect(
      registerWalletProtocol(
        {
          registerProtocolHandler: () => {
            throw new DOMException('nope', 'SecurityError');
          },
        },
        'https://wallet.example',
      ),
    ).toBe('unsupported');
  });

  it('Given an openid4vp URI wrapped as a web+vouch link, then the wallet recognises the same request', () => {
    expect(recogniseIncoming(walletLinkFor(REQUEST))).toEqual({
      kind: 'openid-request',
      uri: REQUEST,
    });
  });
});
