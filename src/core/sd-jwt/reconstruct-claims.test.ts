import { describe, expect, it } from 'vitest';
import { createDisclosure } from './disclosure.ts';
import { reconstructClaims } from './reconstruct-claims.ts';

// Nested and array disclosures (RFC 9901 §4.2.4, §7.1): we issue flat claims, but verify any issuer's.
describe('reconstructing claims from disclosures (RFC 9901 §7.1)', () => {
  const street = createDisclosure({ salt: 's1', name: 'street_address', value: 'Schulstr. 12' });
  const address = createDisclosure({
    salt: 's2',
    name: 'address',
    value: { _sd: [street.digest], country: 'DE' },
  });
  const de = createDisclosure({ salt: 's3', value: 'DE' });
  const fr = createDisclosure({ salt: 's4', value: 'FR' });

  it('Given a recursively disclosed object and array elements, when reconstructed, then the full structure comes back', () => {
    const payload = {
      iss: 'x',
      _sd_alg: 'sha-256',
      _sd: [address.digest, 'decoyDigestThatMatchesNothing'],
      nationalities: [{ '...': de.digest }, { '...': fr.digest }, 'NL', { '...': 'undisclosed' }],
    };
    const result = reconstructClaims(payload, [address, street, de, fr]);
    expect(result).toEqual({
      ok: true,
      value: {
        iss: 'x',
        address: { street_address: 'Schulstr. 12', country: 'DE' },
        nationalities: ['DE', 'FR', 'NL'],
      },
    });
  });

  it('Given the nested disclosure without its parent, when reconstructed, then disclosure-not-referenced', () => {
    const result = reconstructClaims({ _sd: [address.digest] }, [street]);
    expect(result).toMatchObject({ ok: false, reason: 'disclosure-not-referenced' });
  });

  it('Given an array-element disclosure referenced from _sd, when reconstructed, then bad-disclosure', () => {
    expect(reconstructClaims({ _sd: [de.digest] }, [de])).toMatchObject({
      ok: false,
      reason: 'bad-disclosure',
    });
  });

  it('Given a property disclosure referenced as an array element, when reconstructed, then bad-disclosure', () => {
    expect(reconstructClaims({ a: [{ '...': street.digest }] }, [street])).toMatchObject({
      ok: false,
      reason: 'bad-disclosure',
    });
  });

  it('Given the same digest in _sd and in an array, when reconstructed, then duplicate-digest', () => {
    expect(
      reconstructClaims({ _sd: [street.digest], a: [{ '...': street.digest }] }, []),
    ).toMatchObject({
      ok: false,
      reason: 'duplicate-digest',
    });
  });

  it('Given a disclosure whose value repeats a digest the payload already has, when reconstructed, then duplicate-digest', () => {
    const loop = createDisclosure({ salt: 's5', name: 'x', value: { _sd: ['d1'] } });
    expect(reconstructClaims({ _sd: [loop.digest, 'd1'] }, [loop])).toMatchObject({
      ok: false,
      reason: 'duplicate-digest',
    });
  });

  it('Given a disclosure named __proto__, when reconstructed, then it is an own property and no prototype changes', () => {
    const proto = createDisclosure({ salt: 's6', name: '__proto__', value: { polluted: true } });
    const result = reconstructClaims({ _sd: [proto.digest] }, [proto]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.hasOwn(result.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });

  it('Given nesting 40 levels deep, when reconstructed, then malformed', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { a: deep };
    expect(reconstructClaims({ deep }, [])).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
