import { DcqlQuery as PeerDcqlQuery } from 'dcql';
import { describe, expect, it } from 'vitest';
import {
  checkDcqlShape,
  dcqlForClaims,
  dcqlForEitherFormat,
  dcqlForW3cClaims,
  matchDcql,
  readDcqlCredentialSets,
  readDcqlNeeds,
  selectDcqlCredentials,
} from './dcql.ts';
import type { DcqlCredentialNeed, DcqlQuery } from './dcql.ts';

const INCOME = 'urn:vouch:income-statement:1';

const query = (credential: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({
    credentials: [
      {
        id: 'income',
        format: 'dc+sd-jwt',
        meta: { vct_values: [INCOME] },
        claims: [{ id: 'period', path: ['period'] }],
        ...credential,
      },
    ],
    ...extra,
  }) as unknown as DcqlQuery;

describe('dcqlForClaims', () => {
  it('Given required and optional claims, when built, then claim_sets is [all, required]', () => {
    expect(
      dcqlForClaims({
        id: 'income',
        vct: INCOME,
        required: ['period', 'net_wage_cents'],
        optional: ['employee_name'],
      }),
    ).toEqual({
      credentials: [
        {
          id: 'income',
          format: 'dc+sd-jwt',
          meta: { vct_values: [INCOME] },
          claims: [
            { id: 'period', path: ['period'] },
            { id: 'net_wage_cents', path: ['net_wage_cents'] },
            { id: 'employee_name', path: ['employee_name'] },
          ],
          claim_sets: [
            ['period', 'net_wage_cents', 'employee_name'],
            ['period', 'net_wage_cents'],
          ],
        },
      ],
    });
  });

  it('Given only required claims, when built, then there are no claim_sets', () => {
    const built = dcqlForClaims({
      id: 'd',
      vct: 'urn:vouch:diploma:1',
      required: ['degree'],
      optional: [],
    });
    expect(built.credentials[0]?.claim_sets).toBeUndefined();
  });

  it('Given a claim name that is no DCQL id, when built, then it gets a generated id', () => {
    const built = dcqlForClaims({ id: 'x', vct: 'v', required: ['naam met spatie'], optional: [] });
    expect(built.credentials[0]?.claims).toEqual([{ id: 'c0', path: ['naam met spatie'] }]);
  });

  it.each([
    ['a bad id', { id: 'a b', vct: 'v', required: [], optional: [] }, '"id"'],
    ['an empty vct', { id: 'a', vct: '', required: [], optional: [] }, '"vct"'],
    ['a claim twice', { id: 'a', vct: 'v', required: ['x'], optional: ['x'] }, 'twice'],
  ])('Given %s, when built, then it throws naming it', (_, opts, text) => {
    expect(() => dcqlForClaims(opts)).toThrow(text);
  });
});

describe('readDcqlNeeds', () => {
  it('Given a query built by dcqlForClaims, when read, then required and optional come back', () => {
    const built = dcqlForClaims({
      id: 'income',
      vct: INCOME,
      required: ['period', 'net_wage_cents'],
      optional: ['employee_name', 'hours'],
    });
    expect(readDcqlNeeds(built)).toEqual({
      ok: true,
      value: [
        {
          queryId: 'income',
          format: 'dc+sd-jwt',
          vct: [INCOME],
          required: ['period', 'net_wage_cents'],
          optional: ['employee_name', 'hours'],
        },
      ],
    });
  });

  it.each([
    ['multiple: true', { multiple: true }],
    ['no holder binding required', { require_cryptographic_holder_binding: false }],
  ])(
    'Given %s (a peer may ask), when read, then it is answerable with one bound presentation',
    (_, extra) => {
      const needs = readDcqlNeeds(query(extra));
      expect(needs.ok && needs.value[0]?.required).toEqual(['period']);
    },
  );

  it('Given members DCQL may gain later (top, credential, meta, claim), when read, then they are ignored (OpenID4VP §6)', () => {
    const needs = readDcqlNeeds(
      query(
        {
          future_member: { a: 1 },
          meta: { vct_values: [INCOME], doctype_value: 'ignored for dc+sd-jwt' },
          claims: [{ id: 'period', path: ['period'], intent_to_retain: false }],
        },
        { future_top: true },
      ),
    );
    expect(needs.ok && needs.value[0]).toEqual({
      queryId: 'income',
      format: 'dc+sd-jwt',
      vct: [INCOME],
      required: ['period'],
      optional: [],
    });
  });

  it('Given a claim asked twice and one in no claim set, when read, then the duplicate is read once and the other is not asked', () => {
    const needs = readDcqlNeeds(
      query({
        claims: [
          { id: 'p', path: ['period'] },
          { id: 'p2', path: ['period'] },
          { id: 'h', path: ['hours'] },
          { id: 'x', path: ['employee_name'] },
        ],
        claim_sets: [['p', 'h'], ['p2']],
      }),
    );
    expect(needs.ok && needs.value[0]).toMatchObject({ required: ['period'], optional: ['hours'] });
  });

  it('Given three claim sets, when read, then required is their intersection', () => {
    const read = readDcqlNeeds(
      query({
        claims: [
          { id: 'a', path: ['period'] },
          { id: 'b', path: ['hours'] },
          { id: 'c', path: ['grade'] },
        ],
        claim_sets: [['a', 'b', 'c'], ['a', 'b'], ['a']],
      }),
    );
    expect(read.ok && read.value[0]).toMatchObject({
      required: ['period'],
      optional: ['hours', 'grade'],
    });
  });

  it('Given a query without claims or vct_values, when read, then it needs nothing specific', () => {
    const read = readDcqlNeeds({ credentials: [{ id: 'any', format: 'dc+sd-jwt' }] });
    expect(read).toEqual({
      ok: true,
      value: [{ queryId: 'any', format: 'dc+sd-jwt', vct: [], required: [], optional: [] }],
    });
  });

  it.each([
    ['another format', query({ format: 'mso_mdoc' }), '"mso_mdoc"'],
    ['empty credential_sets', query({}, { credential_sets: [] }), 'credential_sets'],
    [
      'a credential set naming an unknown query',
      query({}, { credential_sets: [{ options: [['income', 'pid']] }] }),
      'options[0]',
    ],
    [
      'a credential set whose required is not a truth value',
      query({}, { credential_sets: [{ options: [['income']], required: 'yes' }] }),
      '.required',
    ],
    ['a nested path', query({ claims: [{ path: ['address', 'street'] }] }), '.path'],
    ['an array index path', query({ claims: [{ path: [0] }] }), '.path'],
    [
      'a value filter that is not a list',
      query({ claims: [{ path: ['period'], values: '2025-09' }] }),
      '.values',
    ],
    [
      'a value filter with an object',
      query({ claims: [{ path: ['period'], values: [{ a: 1 }] }] }),
      '.values',
    ],
    [
      'a value filter with a fraction',
      query({ claims: [{ path: ['hours'], values: [1.5] }] }),
      '.values',
    ],
    ['an empty value filter', query({ claims: [{ path: ['period'], values: [] }] }), '.values'],
    [
      'a value filter on an optional claim',
      query({
        claims: [
          { id: 'p', path: ['period'] },
          { id: 'h', path: ['hours'], values: [120] },
        ],
        claim_sets: [['p', 'h'], ['p']],
      }),
      'optional claim "hours"',
    ],
    ['multiple that is not a truth value', query({ multiple: 'yes' }), '.multiple'],
    [
      'holder binding that is not a truth value',
      query({ require_cryptographic_holder_binding: 1 }),
      'require_cryptographic_holder_binding',
    ],
    ['trusted_authorities', query({ trusted_authorities: [] }), 'trusted_authorities'],
    ['a claim set naming no claim', query({ claim_sets: [['nope']] }), '"nope"'],
    [
      'a claim id used twice',
      query({
        claims: [
          { id: 'a', path: ['x'] },
          { id: 'a', path: ['y'] },
        ],
      }),
      'twice',
    ],
    ['no credentials', { credentials: [] }, 'credentials'],
    ['not an object', 'select *', 'dcql_query'],
    [
      'a duplicate query id',
      {
        credentials: [
          { id: 'a', format: 'dc+sd-jwt' },
          { id: 'a', format: 'dc+sd-jwt' },
        ],
      },
      'twice',
    ],
    [
      '17 credential queries',
      { credentials: Array.from({ length: 17 }, (_, i) => ({ id: `q${i}`, format: 'dc+sd-jwt' })) },
      'at most 16',
    ],
    ['a bad query id', { credentials: [{ id: 'a/b', format: 'dc+sd-jwt' }] }, '"a/b"'],
  ])('Given %s, when read, then it is unsupported-query naming it', (_, input, text) => {
    const read = readDcqlNeeds(input as DcqlQuery);
    expect(read.ok ? 'ok' : read.reason).toBe('unsupported-query');
    if (!read.ok) expect(read.detail.message).toContain(text);
  });
});

describe('checkDcqlShape', () => {
  it('Given a query with features Vouch does not support, when shape-checked, then it passes', () => {
    expect(checkDcqlShape(query({ format: 'mso_mdoc' }, { credential_sets: [] })).ok).toBe(true);
  });
});

describe('matchDcql', () => {
  const need: DcqlCredentialNeed = {
    queryId: 'income',
    format: 'dc+sd-jwt',
    vct: [INCOME],
    required: ['period', 'net_wage_cents'],
    optional: ['hours'],
  };
  const held = [
    { id: 'a', vct: INCOME, claims: { period: '2025-09', net_wage_cents: 1, hours: 3 } },
    { id: 'b', vct: INCOME, claims: { period: '2025-08' } },
    { id: 'c', vct: 'urn:vouch:diploma:1', claims: { period: '2025-09', net_wage_cents: 1 } },
    { id: 'd', vct: INCOME, claims: { period: '2025-07', net_wage_cents: 2 } },
  ];

  it('Given held credentials, when matched, then only the right vct with every required claim', () => {
    expect(matchDcql(need, held)).toEqual(['a', 'd']);
  });

  it('Given a need without vct values, when matched, then any vct qualifies', () => {
    expect(matchDcql({ ...need, vct: [] }, held)).toEqual(['a', 'c', 'd']);
  });
});

describe('DCQL value filters (§6.3)', () => {
  it('Given a request for the income statement of one month, when matched, then only that month matches', () => {
    const query = dcqlForClaims({
      id: 'income',
      vct: 'urn:vouch:income-statement:1',
      required: ['period', 'net_wage_cents'],
      optional: ['hours'],
      values: { period: ['2025-07'] },
    });
    expect(query.credentials[0]?.claims?.[0]).toEqual({
      id: 'period',
      path: ['period'],
      values: ['2025-07'],
    });
    const needs = readDcqlNeeds(query);
    if (!needs.ok) throw new Error(needs.detail.message);
    expect(needs.value[0]?.values).toEqual({ period: ['2025-07'] });
    const held = ['2025-06', '2025-07', '2025-09'].map((period) => ({
      id: period,
      vct: 'urn:vouch:income-statement:1',
      claims: { period, net_wage_cents: 80_000 },
    }));
    expect(matchDcql(needs.value[0] as DcqlCredentialNeed, held)).toEqual(['2025-07']);
  });

  it('Given values for a claim that is not required, when building, then it is refused', () => {
    expect(() =>
      dcqlForClaims({
        id: 'x',
        vct: 'v',
        required: ['period'],
        optional: ['hours'],
        values: { hours: [1] },
      }),
    ).toThrow(/not a required claim/);
  });
});

describe('credential_sets (OpenID4VP §6.2, §6.4.2)', () => {
  const TWO = {
    credentials: [
      { id: 'pid', format: 'dc+sd-jwt', meta: { vct_values: ['urn:eu:pid:1'] } },
      { id: 'income', format: 'dc+sd-jwt', meta: { vct_values: [INCOME] } },
      { id: 'diploma', format: 'dc+sd-jwt', meta: { vct_values: ['urn:vouch:diploma:1'] } },
    ],
    credential_sets: [
      { options: [['pid'], ['income']] },
      { options: [['diploma']], required: false },
    ],
  };

  it('Given credential sets, when read, then they come back with required defaulting to true', () => {
    expect(readDcqlCredentialSets(TWO)).toEqual({
      ok: true,
      value: [
        { options: [['pid'], ['income']], required: true },
        { options: [['diploma']], required: false },
      ],
    });
    expect(readDcqlNeeds(TWO).ok).toBe(true);
  });

  it.each([
    ['the first option can be answered', ['pid', 'income'], ['pid']],
    ['only the second option can be answered', ['income', 'diploma'], ['income']],
    ['no option can be answered', [], ['pid']],
  ])(
    'Given %s, when selected, then the first answerable option of each required set, never the optional set',
    (_, held, expected) => {
      const sets = readDcqlCredentialSets(TWO);
      if (!sets.ok) throw new Error(sets.detail.message);
      expect(selectDcqlCredentials(TWO, sets.value, (id) => held.includes(id))).toEqual(expected);
    },
  );

  it('Given no credential sets, when selected, then every credential query', () => {
    const plain = { credentials: TWO.credentials };
    expect(selectDcqlCredentials(plain, undefined, () => false)).toEqual([
      'pid',
      'income',
      'diploma',
    ]);
  });
});

describe('W3C VC-JWT queries (jwt_vc_json, OpenID4VP 1.0 §B.1; docs/w3c-vc.md §DCQL)', () => {
  const DIPLOMA_VCT = 'urn:vouch:diploma:1';
  const DIPLOMA_TYPES = ['VerifiableCredential', 'VouchDiploma'];
  const diplomaClaims = {
    degree: 'Master of Science',
    level: 'master',
    institution: 'Universiteit Utrecht',
    eqf_level: 7,
  };
  const held = [
    { id: 'sd', vct: DIPLOMA_VCT, claims: diplomaClaims },
    {
      id: 'w3c',
      format: 'jwt_vc_json' as const,
      vct: DIPLOMA_VCT,
      types: DIPLOMA_TYPES,
      claims: diplomaClaims,
    },
    {
      id: 'w3c-other-type',
      format: 'jwt_vc_json' as const,
      vct: 'urn:vouch:income-statement:1',
      types: ['VerifiableCredential', 'VouchIncomeStatement'],
      claims: diplomaClaims,
    },
    {
      id: 'w3c-no-level',
      format: 'jwt_vc_json' as const,
      vct: DIPLOMA_VCT,
      types: DIPLOMA_TYPES,
      claims: { degree: 'BSc', institution: 'KU Leuven' },
    },
  ];

  it('Given required and optional claims, when a W3C query is built, then type_values and credentialSubject paths', () => {
    expect(
      dcqlForW3cClaims({
        id: 'diploma_w3c',
        types: DIPLOMA_TYPES,
        required: ['degree', 'level'],
        optional: ['grade'],
      }),
    ).toEqual({
      credentials: [
        {
          id: 'diploma_w3c',
          format: 'jwt_vc_json',
          meta: { type_values: [DIPLOMA_TYPES] },
          claims: [
            { id: 'degree', path: ['credentialSubject', 'degree'] },
            { id: 'level', path: ['credentialSubject', 'level'] },
            { id: 'grade', path: ['credentialSubject', 'grade'] },
          ],
          claim_sets: [
            ['degree', 'level', 'grade'],
            ['degree', 'level'],
          ],
        },
      ],
    });
  });

  it('Given a W3C query, when read, then the need has the format, the type alternatives and the claim names', () => {
    const read = readDcqlNeeds(
      dcqlForW3cClaims({
        id: 'diploma_w3c',
        types: DIPLOMA_TYPES,
        required: ['degree'],
        optional: ['grade'],
      }),
    );
    expect(read).toEqual({
      ok: true,
      value: [
        {
          queryId: 'diploma_w3c',
          format: 'jwt_vc_json',
          vct: [],
          types: [DIPLOMA_TYPES],
          required: ['degree'],
          optional: ['grade'],
        },
      ],
    });
  });

  it('Given a W3C need, when matched, then only W3C credentials whose type includes one alternative and that hold the claims', () => {
    const read = readDcqlNeeds(
      dcqlForW3cClaims({ id: 'd', types: DIPLOMA_TYPES, required: ['eqf_level'], optional: [] }),
    );
    if (!read.ok) throw new Error(read.detail.message);
    expect(matchDcql(read.value[0] as DcqlCredentialNeed, held)).toEqual(['w3c']);
  });

  it('Given an SD-JWT need for the same vct, when matched, then a W3C credential of that vct is not offered', () => {
    const read = readDcqlNeeds(
      dcqlForClaims({ id: 'd', vct: DIPLOMA_VCT, required: ['degree'], optional: [] }),
    );
    if (!read.ok) throw new Error(read.detail.message);
    expect(matchDcql(read.value[0] as DcqlCredentialNeed, held)).toEqual(['sd']);
  });

  it('Given type_values with two alternatives, when matched, then a credential fitting either one qualifies', () => {
    const need: DcqlCredentialNeed = {
      queryId: 'q',
      format: 'jwt_vc_json',
      vct: [],
      types: [['VouchNoSuchType'], ['VouchIncomeStatement']],
      required: [],
      optional: [],
    };
    expect(matchDcql(need, held)).toEqual(['w3c-other-type']);
  });

  it('Given a value filter on a W3C claim, when matched, then only the credential with that value', () => {
    const read = readDcqlNeeds(
      dcqlForW3cClaims({
        id: 'd',
        types: DIPLOMA_TYPES,
        required: ['institution'],
        optional: [],
        values: { institution: ['KU Leuven'] },
      }),
    );
    if (!read.ok) throw new Error(read.detail.message);
    expect(matchDcql(read.value[0] as DcqlCredentialNeed, held)).toEqual(['w3c-no-level']);
  });

  it('Given the either-format builder, when built, then two queries and one credential set, SD-JWT VC first', () => {
    const query = dcqlForEitherFormat({
      id: 'diploma',
      vct: DIPLOMA_VCT,
      w3cType: 'VouchDiploma',
      required: ['degree', 'institution'],
      optional: ['grade'],
    });
    expect(query.credentials.map((c) => [c.id, c.format])).toEqual([
      ['diploma', 'dc+sd-jwt'],
      ['diploma_w3c', 'jwt_vc_json'],
    ]);
    expect(query.credentials[1]?.meta).toEqual({ type_values: [DIPLOMA_TYPES] });
    expect(query.credential_sets).toEqual([{ options: [['diploma'], ['diploma_w3c']] }]);
    const read = readDcqlNeeds(query);
    expect(read.ok && read.value.map((n) => [n.queryId, n.required, n.optional])).toEqual([
      ['diploma', ['degree', 'institution'], ['grade']],
      ['diploma_w3c', ['degree', 'institution'], ['grade']],
    ]);
  });

  it.each([
    ['a wallet holding only the W3C diploma', ['diploma_w3c'], ['diploma_w3c']],
    ['a wallet holding both', ['diploma', 'diploma_w3c'], ['diploma']],
    ['a wallet holding only the SD-JWT VC', ['diploma'], ['diploma']],
  ])(
    'Given %s, when the either-format query is selected, then that one query is asked',
    (_, answerable, expected) => {
      const query = dcqlForEitherFormat({
        id: 'diploma',
        vct: DIPLOMA_VCT,
        w3cType: 'VouchDiploma',
        required: ['degree'],
        optional: [],
      });
      const sets = readDcqlCredentialSets(query);
      if (!sets.ok) throw new Error(sets.detail.message);
      expect(selectDcqlCredentials(query, sets.value, (id) => answerable.includes(id))).toEqual(
        expected,
      );
    },
  );

  it.each([
    ['a top-level path', { claims: [{ path: ['degree'] }] }, '.path'],
    ['a path under vc', { claims: [{ path: ['vc', 'credentialSubject', 'degree'] }] }, '.path'],
    [
      'a nested credentialSubject path',
      { claims: [{ path: ['credentialSubject', 'address', 'street'] }] },
      '.path',
    ],
    ['type_values that is a flat list', { meta: { type_values: ['VouchDiploma'] } }, 'type_values'],
    ['an empty alternative', { meta: { type_values: [[]] } }, 'type_values'],
  ])(
    'Given a W3C query with %s, when read, then it is unsupported-query naming it',
    (_, extra, text) => {
      const read = readDcqlNeeds({
        credentials: [
          {
            id: 'd',
            format: 'jwt_vc_json',
            meta: { type_values: [DIPLOMA_TYPES] },
            claims: [{ path: ['credentialSubject', 'degree'] }],
            ...extra,
          },
        ],
      } as DcqlQuery);
      expect(read.ok ? 'ok' : read.reason).toBe('unsupported-query');
      if (!read.ok) expect(read.detail.message).toContain(text);
    },
  );

  it('Given another format still unknown, when read, then the message names both supported formats', () => {
    const read = readDcqlNeeds(query({ format: 'ldp_vc' }));
    expect(!read.ok && read.detail.message).toContain('"jwt_vc_json"');
  });

  describe('the dcql package agrees', () => {
    type PeerInput = Parameters<typeof PeerDcqlQuery.parse>[0];
    const either = dcqlForEitherFormat({
      id: 'diploma',
      vct: DIPLOMA_VCT,
      w3cType: 'VouchDiploma',
      required: ['degree', 'institution'],
      optional: ['eqf_level'],
      values: { institution: ['Universiteit Utrecht'] },
    });
    const w3cOnly = dcqlForW3cClaims({
      id: 'diploma_w3c',
      types: DIPLOMA_TYPES,
      required: ['degree'],
      optional: ['grade', 'eqf_level'],
    });

    it.each([
      ['the either-format diploma query', either],
      ['a W3C-only query with claim_sets', w3cOnly],
    ])('Given %s, when dcql parses and validates it, then it is valid', (_, built) => {
      const parsed = PeerDcqlQuery.parse(built as PeerInput);
      expect(() => PeerDcqlQuery.validate(parsed)).not.toThrow();
    });

    /** dcql's view of a held credential (a W3C VC's claims are the VC: credentialSubject inside). */
    const peerCredential = (credential: (typeof held)[number]) =>
      credential.format === 'jwt_vc_json'
        ? {
            credential_format: 'jwt_vc_json' as const,
            type: [...credential.types],
            claims: { credentialSubject: credential.claims } as unknown as Record<string, never>,
            cryptographic_holder_binding: true,
          }
        : {
            credential_format: 'dc+sd-jwt' as const,
            vct: credential.vct,
            claims: credential.claims as unknown as Record<string, never>,
            cryptographic_holder_binding: true,
          };

    it.each(held.map((credential) => [credential.id, credential] as const))(
      'Given the held credential %s, when both match the either-format query, then they agree on which query it answers',
      (_, credential) => {
        const parsed = PeerDcqlQuery.parse(either as PeerInput);
        const peer = PeerDcqlQuery.query(parsed, [peerCredential(credential)]);
        const peerAnswers = Object.entries(peer.credential_matches)
          .filter(([, match]) => match.success)
          .map(([id]) => id);
        const needs = readDcqlNeeds(either);
        if (!needs.ok) throw new Error(needs.detail.message);
        const ours = needs.value
          .filter((need) => matchDcql(need, [credential]).length > 0)
          .map((need) => need.queryId);
        expect(ours).toEqual(peerAnswers);
        expect(peer.can_be_satisfied).toBe(ours.length > 0);
      },
    );
  });
});
