/**
 * The desk asks for a diploma in either format (docs/w3c-vc.md §DCQL): an SD-JWT VC query
 * `diploma`, a W3C VC-JWT query `diploma_w3c`, and a credential set with either one; and for the
 * income supplement, the municipality's household credential in an optional credential set. The
 * peer library `dcql` parses, validates and matches what the desk sends.
 */
import { DcqlQuery as PeerDcqlQuery } from 'dcql';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyPresentationRequest } from '../protocol/request.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { makeWorld, NOW, type World } from '../verification/presentation-world.fake.ts';
import {
  createRequest,
  createVerifierDesk,
  dcqlForNeeds,
  findNonce,
  needsFromTemplate,
  type VerifierDesk,
} from './index.ts';

type PeerInput = Parameters<typeof PeerDcqlQuery.parse>[0];
type PeerCredential = Parameters<typeof PeerDcqlQuery.query>[1][number];

let world: World;

async function newDesk(): Promise<VerifierDesk> {
  const created = await createVerifierDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws: world.crypto },
    { passcode: 'verifier passcode 1', profile: { name: 'Werkgever', kind: 'employer' }, now: NOW },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

const DIPLOMA_SUBJECT = {
  degree: 'Master of Science',
  level: 'master',
  field: 'Computer Science',
  institution: 'KU Leuven',
  date_awarded: '2025-06-30',
};

beforeEach(async () => {
  world = await makeWorld();
});

describe('the diploma request in either format', () => {
  it('Given the diploma template, when the desk shows its request, then the signed request asks for diploma (dc+sd-jwt) or diploma_w3c (jwt_vc_json) with the same claims', async () => {
    const desk = await newDesk();
    const created = await createRequest(
      desk,
      { jws: world.crypto, randomBytes: world.randomBytes },
      { needs: needsFromTemplate('diploma-job'), purpose: 'Job application', now: NOW },
    );
    const request = await verifyPresentationRequest(created.forQr, {
      crypto: world.crypto,
      now: NOW,
    });
    if (!request.ok) throw new Error(request.detail.message);
    const { dcql } = request.value;
    expect(dcql.credentials.map((c) => [c.id, c.format])).toEqual([
      ['diploma', 'dc+sd-jwt'],
      ['diploma_w3c', 'jwt_vc_json'],
    ]);
    const [sdJwt, w3c] = dcql.credentials;
    expect(sdJwt?.meta).toEqual({ vct_values: ['urn:vouch:diploma:1'] });
    expect(w3c?.meta).toEqual({ type_values: [['VerifiableCredential', 'VouchDiploma']] });
    expect(w3c?.claims?.map((claim) => claim.path)).toEqual(
      ['degree', 'level', 'field', 'institution', 'date_awarded', 'grade', 'graduate_name'].map(
        (name) => ['credentialSubject', name],
      ),
    );
    expect(w3c?.claim_sets).toEqual(sdJwt?.claim_sets);
    expect(dcql.credential_sets).toEqual([{ options: [['diploma'], ['diploma_w3c']] }]);

    // The pending request knows both queries and their formats; one nonce answers either.
    expect(created.pending.queries).toEqual([
      { id: 'diploma', format: 'dc+sd-jwt' },
      { id: 'diploma_w3c', format: 'jwt_vc_json' },
    ]);
    const known = await findNonce(desk, created.pending.nonce);
    expect(known.state === 'pending' && known.request.queries).toEqual(created.pending.queries);
  });

  it.each([
    [
      'an SD-JWT VC diploma',
      'diploma',
      {
        credential_format: 'dc+sd-jwt',
        vct: 'urn:vouch:diploma:1',
        claims: DIPLOMA_SUBJECT,
        cryptographic_holder_binding: true,
      },
    ],
    [
      'a W3C VC-JWT diploma',
      'diploma_w3c',
      {
        credential_format: 'jwt_vc_json',
        type: ['VerifiableCredential', 'VouchDiploma'],
        claims: { credentialSubject: DIPLOMA_SUBJECT },
        cryptographic_holder_binding: true,
      },
    ],
  ] as const)(
    'Given the diploma query and a wallet holding only %s, when the peer library dcql matches it, then the request can be satisfied by query %s',
    (_name, queryId, credential) => {
      const { dcql } = dcqlForNeeds(needsFromTemplate('diploma-job'));
      const parsed = PeerDcqlQuery.parse(dcql as PeerInput);
      expect(() => PeerDcqlQuery.validate(parsed)).not.toThrow();
      const result = PeerDcqlQuery.query(parsed, [credential as unknown as PeerCredential]);
      expect(result.can_be_satisfied).toBe(true);
      const matched = Object.entries(result.credential_matches)
        .filter(([, match]) => match.success)
        .map(([id]) => id);
      expect(matched).toEqual([queryId]);
    },
  );

  it('Given the diploma query, when the peer library dcql matches a W3C credential of another type, then it cannot be satisfied', () => {
    const { dcql } = dcqlForNeeds(needsFromTemplate('diploma-job'));
    const parsed = PeerDcqlQuery.parse(dcql as PeerInput);
    const result = PeerDcqlQuery.query(parsed, [
      {
        credential_format: 'jwt_vc_json',
        type: ['VerifiableCredential', 'VouchHousehold'],
        claims: { credentialSubject: DIPLOMA_SUBJECT },
        cryptographic_holder_binding: true,
      } as unknown as PeerCredential,
    ]);
    expect(result.can_be_satisfied).toBe(false);
  });
});

const INCOME_STATEMENT = {
  credential_format: 'dc+sd-jwt',
  vct: 'urn:vouch:income-statement:1',
  claims: { period: '2026-09', net_wage_cents: 145_000, employee_name: 'A. Jansen' },
  cryptographic_holder_binding: true,
};
const HOUSEHOLD = {
  credential_format: 'dc+sd-jwt',
  vct: 'urn:vouch:household:1',
  claims: {
    household_type: 'couple',
    adult_co_residents: 1,
    municipality: 'Utrecht',
    valid_on: '2026-09-01',
  },
  cryptographic_holder_binding: true,
};

describe('the income supplement asks for the household credential, optionally', () => {
  it('Given the income template, when its query is built, then the income statement is a required set and the household credential an optional one', () => {
    const built = dcqlForNeeds(needsFromTemplate('income-supplement'), {
      values: { period: ['2026-09'] },
    });
    expect(built.queries).toEqual([{ id: 'income-statement', format: 'dc+sd-jwt' }]);
    expect(built.optionalQueries.map((query) => query.id)).toEqual(['household']);
    expect(built.dcql.credentials.map((c) => [c.id, c.format, c.meta])).toEqual([
      ['income-statement', 'dc+sd-jwt', { vct_values: ['urn:vouch:income-statement:1'] }],
      ['household', 'dc+sd-jwt', { vct_values: ['urn:vouch:household:1'] }],
    ]);
    const household = built.dcql.credentials[1];
    expect(household?.claims?.map((claim) => claim.path)).toEqual([
      ['household_type'],
      ['adult_co_residents'],
      ['valid_on'],
    ]);
    // The month filter holds the income statement only.
    expect(household?.claims?.some((claim) => claim.values !== undefined)).toBe(false);
    expect(built.dcql.credential_sets).toEqual([
      { options: [['income-statement']] },
      { options: [['household']], required: false },
    ]);
  });

  it('Given the income query, when the peer library dcql parses and validates it, then it is valid DCQL', () => {
    const { dcql } = dcqlForNeeds(needsFromTemplate('income-supplement'), {
      values: { period: ['2026-09'] },
    });
    const parsed = PeerDcqlQuery.parse(dcql as PeerInput);
    expect(() => PeerDcqlQuery.validate(parsed)).not.toThrow();
  });

  it.each([
    ['the income statement and the household credential', [INCOME_STATEMENT, HOUSEHOLD], true],
    ['only the income statement', [INCOME_STATEMENT], true],
    ['only the household credential', [HOUSEHOLD], false],
  ] as const)(
    'Given the income query and a wallet holding %s, when the peer library dcql matches it, then it can be satisfied: %s',
    (_name, credentials, satisfied) => {
      const { dcql } = dcqlForNeeds(needsFromTemplate('income-supplement'), {
        values: { period: ['2026-09'] },
      });
      const parsed = PeerDcqlQuery.parse(dcql as PeerInput);
      const result = PeerDcqlQuery.query(
        parsed,
        credentials.map((credential) => credential as unknown as PeerCredential),
      );
      expect(result.can_be_satisfied).toBe(satisfied);
      const household = credentials.some((credential) => credential === HOUSEHOLD);
      expect(result.credential_matches.household?.success).toBe(household);
    },
  );

  it('Given a diploma asked in either format with an optional household credential, when its query is built, then the either-format set stays and the household set is optional', () => {
    const needs = {
      ...needsFromTemplate('diploma-job'),
      optionalCredentials: [needsFromTemplate('income-supplement').optionalCredentials![0]!],
    };
    const { dcql, queries, optionalQueries } = dcqlForNeeds(needs);
    expect(queries.map((query) => query.id)).toEqual(['diploma', 'diploma_w3c']);
    expect(optionalQueries.map((query) => query.id)).toEqual(['household']);
    expect(dcql.credential_sets).toEqual([
      { options: [['diploma'], ['diploma_w3c']] },
      { options: [['household']], required: false },
    ]);
    expect(() => PeerDcqlQuery.validate(PeerDcqlQuery.parse(dcql as PeerInput))).not.toThrow();
  });

  it('Given needs that ask for the same type twice, when the query is built, then it is refused as a bug', () => {
    const income = needsFromTemplate('income-supplement');
    expect(() =>
      dcqlForNeeds({ ...income, optionalCredentials: [{ ...income, optional: [] }] }),
    ).toThrow(/asked for twice/);
  });
});
