import { describe, expect, it } from 'vitest';
import { partyToJwk } from '../core/evidence/index.ts';
import { testParty } from '../core/evidence/receipt-parties.fake.ts';
import { parseKnownOrganisations } from './known-orgs.ts';

const svb = await testParty('EdDSA', 'known-orgs-svb');
const core = 'ab'.repeat(32);

describe('the known-organisations file (--known-orgs)', () => {
  it('Given a file with an organisation, its key and its core, then its key is known and its core allowed', () => {
    const parsed = parseKnownOrganisations(
      JSON.stringify({
        type: 'vouch-known-organisations',
        organisations: [{ name: 'SVB', keys: [partyToJwk(svb.party)], cores: [core] }],
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.organisationOf(svb.party)?.name).toBe('SVB');
    expect([...parsed.value.allowedCores]).toEqual([core]);
  });

  it.each([
    ['not JSON', '{', 'not JSON'],
    ['another type', '{"type":"x","organisations":[]}', '"type"'],
    [
      'a key off its curve',
      JSON.stringify({
        type: 'vouch-known-organisations',
        organisations: [{ name: 'X', keys: [{ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }] }],
      }),
      'organisations.0.keys.0',
    ],
    [
      'a core key that is not hex',
      JSON.stringify({
        type: 'vouch-known-organisations',
        organisations: [{ name: 'X', keys: [partyToJwk(svb.party)], cores: ['zz'] }],
      }),
      'organisations.0.cores.0',
    ],
  ])('Given %s, then the file is refused and the place named', (_name, text, expected) => {
    const parsed = parseKnownOrganisations(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.detail.message).toContain(expected);
  });
});
