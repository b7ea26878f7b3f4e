// Issuer metadata, authorization server metadata, type metadata and well-known URLs
// (OpenID4VCI 1.0 §12.2; RFC 8414 §3; SD-JWT VC type metadata).
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPES, CREDENTIAL_TYPE_IDS } from '../credentials/index.ts';
import {
  authorizationServerMetadataUrl,
  buildAuthorizationServerMetadata,
  buildCredentialIssuerMetadata,
  credentialConfigurationId,
  credentialIssuerMetadataUrl,
  MAX_METADATA_LENGTH,
  parseAuthorizationServerMetadata,
  parseCredentialConfigurationId,
  parseCredentialIssuerMetadata,
  typeMetadataUrl,
  vctTypeMetadata,
} from './metadata.ts';

const ISSUER = 'https://issuer.example';

describe('Given the well-known rule (RFC 8414 §3.1, OpenID4VCI §12.2.2)', () => {
  it.each([
    ['https://issuer.example', 'https://issuer.example/.well-known/openid-credential-issuer'],
    ['https://issuer.example/', 'https://issuer.example/.well-known/openid-credential-issuer'],
    [
      'https://issuer.example/tenant',
      'https://issuer.example/.well-known/openid-credential-issuer/tenant',
    ],
    [
      'http://localhost:4000/org/a',
      'http://localhost:4000/.well-known/openid-credential-issuer/org/a',
    ],
  ])('when the identifier is %s, then the metadata is at %s', (identifier, url) => {
    expect(credentialIssuerMetadataUrl(identifier)).toBe(url);
  });

  it('then the authorization server metadata goes the same way', () => {
    expect(authorizationServerMetadataUrl('https://as.example/t')).toBe(
      'https://as.example/.well-known/oauth-authorization-server/t',
    );
  });
});

describe('Given the Vouch issuer metadata', () => {
  const metadata = buildCredentialIssuerMetadata({
    credentialIssuer: ISSUER,
    name: { nl: 'Werkgever', en: 'Employer', fr: '' },
    credentialSigningAlgs: ['ES256'],
    batchSize: 5,
  });

  it('then it has the endpoints, the batch size and one dc+sd-jwt configuration per type', () => {
    expect(metadata).toMatchObject({
      credential_issuer: ISSUER,
      authorization_servers: [ISSUER],
      credential_endpoint: `${ISSUER}/credential`,
      nonce_endpoint: `${ISSUER}/nonce`,
      batch_credential_issuance: { batch_size: 5 },
      display: [
        { name: 'Werkgever', locale: 'nl' },
        { name: 'Employer', locale: 'en' },
      ],
    });
    expect(Object.keys(metadata.credential_configurations_supported)).toEqual([
      ...CREDENTIAL_TYPE_IDS,
      'diploma-w3c',
    ]);
    for (const type of CREDENTIAL_TYPE_IDS) {
      const configuration = metadata.credential_configurations_supported[type];
      expect(configuration).toMatchObject({
        format: 'dc+sd-jwt',
        vct: `urn:vouch:${type}:1`,
        cryptographic_binding_methods_supported: ['jwk'],
        credential_signing_alg_values_supported: ['ES256'],
        proof_types_supported: {
          jwt: { proof_signing_alg_values_supported: ['ES256', 'ES256K', 'EdDSA'] },
        },
        vct_metadata_uri: `${ISSUER}/vct/${type}`,
      });
      expect(configuration?.credential_metadata?.display?.map((entry) => entry.locale)).toEqual([
        'nl',
        'fr',
        'en',
      ]);
      // Every claim, described in three languages, mandatory as the schema says.
      const claims = configuration?.credential_metadata?.claims ?? [];
      expect(claims.map((claim) => claim.path)).toEqual(
        CREDENTIAL_TYPES[type].claims.map((claim) => [claim.name]),
      );
      expect(claims.every((claim) => claim.display?.length === 3)).toBe(true);
    }
    expect(
      metadata.credential_configurations_supported.diploma?.credential_metadata?.claims?.find(
        (c) => c.path[0] === 'grade',
      )?.mandatory,
    ).toBe(false);
  });

  it('then the diploma is also a jwt_vc_json configuration (Appendix A.1.1), claims under credentialSubject', () => {
    const configuration = metadata.credential_configurations_supported['diploma-w3c'];
    expect(configuration).toMatchObject({
      format: 'jwt_vc_json',
      credential_definition: { type: ['VerifiableCredential', 'VouchDiploma'] },
      cryptographic_binding_methods_supported: ['did:key'],
      credential_signing_alg_values_supported: ['ES256'],
      proof_types_supported: {
        jwt: { proof_signing_alg_values_supported: ['ES256', 'ES256K', 'EdDSA'] },
      },
    });
    expect(configuration?.vct).toBeUndefined();
    expect(configuration?.credential_metadata?.claims?.map((claim) => claim.path)).toEqual(
      CREDENTIAL_TYPES.diploma.claims.map((claim) => ['credentialSubject', claim.name]),
    );
    expect(configuration?.credential_metadata?.display?.[0]?.name).toBe(
      CREDENTIAL_TYPES.diploma.name.nl,
    );
  });

  it('then configuration ids map back to type and format, and others to nothing', () => {
    expect(parseCredentialConfigurationId('diploma')).toEqual({
      type: 'diploma',
      format: 'dc+sd-jwt',
    });
    expect(parseCredentialConfigurationId('diploma-w3c')).toEqual({
      type: 'diploma',
      format: 'jwt_vc_json',
    });
    expect(credentialConfigurationId('diploma', 'jwt_vc_json')).toBe('diploma-w3c');
    expect(parseCredentialConfigurationId('passport-w3c')).toBeUndefined();
    expect(parseCredentialConfigurationId('-w3c')).toBeUndefined();
  });

  it('then types without a W3C offer have no -w3c configuration', () => {
    const only = buildCredentialIssuerMetadata({
      credentialIssuer: ISSUER,
      types: ['income-statement'],
    });
    expect(Object.keys(only.credential_configurations_supported)).toEqual(['income-statement']);
  });

  it('then a batch size of 1 leaves batch_credential_issuance out (§12.2.4 asks ≥ 2)', () => {
    expect(
      buildCredentialIssuerMetadata({ credentialIssuer: ISSUER, batchSize: 1 })
        .batch_credential_issuance,
    ).toBeUndefined();
  });

  it('then the wallet parses it back to the same object', () => {
    expect(parseCredentialIssuerMetadata(JSON.stringify(metadata), ISSUER)).toEqual({
      ok: true,
      value: metadata,
    });
  });

  it('then the type metadata of each vct is served beside it, with labels in three languages', () => {
    expect(typeMetadataUrl(ISSUER, 'diploma')).toBe(`${ISSUER}/vct/diploma`);
    const typeMetadata = vctTypeMetadata('household');
    expect(typeMetadata).toMatchObject({
      vct: 'urn:vouch:household:1',
      name: 'Household composition',
    });
    expect(
      typeMetadata?.claims.every((claim) => claim.sd === 'always' && claim.display.length === 3),
    ).toBe(true);
    expect(vctTypeMetadata('passport')).toBeUndefined();
    expect(vctTypeMetadata('__proto__')).toBeUndefined();
  });

  it('then a bad identifier is a programming error', () => {
    expect(() =>
      buildCredentialIssuerMetadata({ credentialIssuer: 'http://issuer.example' }),
    ).toThrow(TypeError);
    expect(() => buildCredentialIssuerMetadata({ credentialIssuer: ISSUER, batchSize: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('Given issuer metadata from elsewhere', () => {
  const good = {
    credential_issuer: ISSUER,
    credential_endpoint: `${ISSUER}/credential`,
    credential_configurations_supported: {
      A: { format: 'dc+sd-jwt', vct: 'urn:a', unknown: { deep: true } },
      B: { format: 'mso_mdoc', doctype: 'org.iso.18013.5.1.mDL' },
    },
    signed_metadata: 'ignored',
  };

  it('when it is minimal, with other formats and unknown members, then it parses', () => {
    const parsed = parseCredentialIssuerMetadata(JSON.stringify(good), ISSUER);
    expect(parsed.ok && parsed.value.credential_configurations_supported).toEqual({
      A: { format: 'dc+sd-jwt', vct: 'urn:a' },
      B: { format: 'mso_mdoc' },
    });
  });

  it.each([
    [
      'another credential_issuer (§12.2.4: MUST be identical)',
      { ...good, credential_issuer: 'https://evil.example' },
    ],
    ['a trailing slash on credential_issuer', { ...good, credential_issuer: `${ISSUER}/` }],
    ['no credential_endpoint', { ...good, credential_endpoint: undefined }],
    [
      'an http credential_endpoint',
      { ...good, credential_endpoint: 'http://issuer.example/credential' },
    ],
    ['an http nonce_endpoint', { ...good, nonce_endpoint: 'http://issuer.example/nonce' }],
    ['empty authorization_servers', { ...good, authorization_servers: [] }],
    ['a batch_size of 0', { ...good, batch_credential_issuance: { batch_size: 0 } }],
    ['configurations as an array', { ...good, credential_configurations_supported: [] }],
    [
      'a dc+sd-jwt configuration without vct',
      { ...good, credential_configurations_supported: { A: { format: 'dc+sd-jwt' } } },
    ],
    [
      'a configuration without format',
      { ...good, credential_configurations_supported: { A: { vct: 'x' } } },
    ],
    [
      'proof types that are not objects',
      {
        ...good,
        credential_configurations_supported: {
          A: { format: 'dc+sd-jwt', vct: 'x', proof_types_supported: { jwt: 1 } },
        },
      },
    ],
    [
      '65 configurations',
      {
        ...good,
        credential_configurations_supported: Object.fromEntries(
          Array.from({ length: 65 }, (_, i) => [`c${i}`, { format: 'x' }]),
        ),
      },
    ],
  ])('when it has %s, then it is bad-metadata', (_name, value) => {
    const parsed = parseCredentialIssuerMetadata(JSON.stringify(value), ISSUER);
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('bad-metadata');
  });

  it('when it is not JSON, an array or oversized, then it is bad-metadata', () => {
    expect(parseCredentialIssuerMetadata('<html>', ISSUER).ok).toBe(false);
    expect(parseCredentialIssuerMetadata('[]', ISSUER).ok).toBe(false);
    const padded = JSON.stringify({ ...good, padding: 'x'.repeat(MAX_METADATA_LENGTH) });
    expect(parseCredentialIssuerMetadata(padded, ISSUER).ok).toBe(false);
  });

  it('when a configuration id is __proto__, then it stays a plain entry', () => {
    const text = `{"credential_issuer":"${ISSUER}","credential_endpoint":"${ISSUER}/c","credential_configurations_supported":{"__proto__":{"format":"dc+sd-jwt","vct":"urn:p"}}}`;
    const parsed = parseCredentialIssuerMetadata(text, ISSUER);
    expect(parsed.ok && Object.keys(parsed.value.credential_configurations_supported)).toEqual([
      '__proto__',
    ]);
    expect(({} as Record<string, unknown>).vct).toBeUndefined();
  });
});

describe('Given authorization server metadata', () => {
  it('then Vouch is its own AS for the pre-authorized code, anonymously', () => {
    const metadata = buildAuthorizationServerMetadata({ issuer: ISSUER });
    expect(metadata).toMatchObject({
      issuer: ISSUER,
      token_endpoint: `${ISSUER}/token`,
      grant_types_supported: ['urn:ietf:params:oauth:grant-type:pre-authorized_code'],
      'pre-authorized_grant_anonymous_access_supported': true,
    });
    expect(parseAuthorizationServerMetadata(JSON.stringify(metadata), ISSUER)).toMatchObject({
      ok: true,
    });
  });

  it.each([
    [
      'another issuer (RFC 8414 §3.3)',
      { issuer: 'https://as.example', token_endpoint: `${ISSUER}/token` },
    ],
    ['no token endpoint', { issuer: ISSUER }],
    ['an http token endpoint', { issuer: ISSUER, token_endpoint: 'http://issuer.example/token' }],
  ])('when it has %s, then it is bad-metadata', (_name, value) => {
    expect(parseAuthorizationServerMetadata(JSON.stringify(value), ISSUER).ok).toBe(false);
  });
});
