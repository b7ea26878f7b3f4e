import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../core/encoding/index.ts';
import { createIssuerKeyFile, nobleJwsCrypto } from '../core/jose/index.ts';
import type { JwsAlgorithm } from '../core/jose/index.ts';
import {
  credentialPath,
  describeKey,
  es256kVerifier,
  mnemonicFromEntropy,
  mnemonicToSeed,
} from '../core/keys/index.ts';
import { createVouchAgent } from './index.ts';
import { VouchKms } from './vouch-kms.ts';

const crypto = nobleJwsCrypto({
  randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
});
const MNEMONIC = mnemonicFromEntropy(Uint8Array.from({ length: 32 }, (_, i) => i + 1));
const data = new TextEncoder().encode('header.payload');

describe('VouchKms', () => {
  it("Given a mnemonic, when a credential key is derived and signs, then the signature verifies with the public key of m/7467'/0'/r'/c", async () => {
    const seed = await mnemonicToSeed(MNEMONIC);
    const kms = new VouchKms({ crypto, seed });
    const key = await kms.createKey({ type: 'Secp256k1', meta: { relationship: 3, child: 7 } });
    const expected = describeKey(seed, credentialPath(3, 7));
    expect(key.publicKeyHex).toBe(expected.publicKeyHex);
    expect(key.meta?.did).toBe(expected.did);
    expect(key.meta?.algorithms).toEqual(['ES256K']);
    const signature = decodeBase64Url(await kms.sign({ keyRef: key, algorithm: 'ES256K', data }));
    if (!signature.ok) throw new Error('not base64url');
    expect(
      await es256kVerifier(Uint8Array.from(Buffer.from(expected.publicKeyHex, 'hex')))(
        data,
        signature.value,
      ),
    ).toBe(true);
    expect(
      await es256kVerifier(Uint8Array.from(Buffer.from(expected.publicKeyHex, 'hex')))(
        data,
        new Uint8Array(64),
      ),
    ).toBe(false);
  });

  it.each(['ES256', 'EdDSA', 'ES256K'] as JwsAlgorithm[])(
    'Given an %s issuer key file, when it signs, then the signature verifies with its public key',
    async (alg) => {
      const file = await createIssuerKeyFile(crypto, alg);
      const kms = new VouchKms({ crypto, issuerKeys: [file] });
      const info = kms.issuerKeyInfo(file.did);
      if (info === undefined) throw new Error('no key info');
      const signature = decodeBase64Url(await kms.sign({ keyRef: info, data }));
      if (!signature.ok) throw new Error('not base64url');
      expect(await crypto.verify(alg, file.publicJwk, data, signature.value)).toBe(true);
    },
  );

  it('Given a KMS, when asked to sign with a kid it does not hold, then it refuses', async () => {
    const kms = new VouchKms({ crypto, seed: await mnemonicToSeed(MNEMONIC) });
    await expect(kms.sign({ keyRef: { kid: '02abcdef' }, data })).rejects.toThrow(
      /holds no key "02abcdef"/,
    );
  });

  it('Given an ES256 key, when asked to sign with another algorithm, then it refuses', async () => {
    const file = await createIssuerKeyFile(crypto, 'ES256');
    const kms = new VouchKms({ crypto, issuerKeys: [file] });
    const info = kms.issuerKeyInfo(file.did)!;
    await expect(kms.sign({ keyRef: info, algorithm: 'ES256K', data })).rejects.toThrow(
      /signs with ES256, not "ES256K"/,
    );
  });

  it('Given a KMS, when a private key is offered for import or a random key asked for, then it refuses both', async () => {
    const kms = new VouchKms({ crypto });
    await expect(
      kms.importKey({ kms: 'vouch', type: 'Secp256k1', privateKeyHex: '11'.repeat(32) }),
    ).rejects.toThrow(/imports no keys/);
    await expect(kms.createKey({ type: 'Ed25519' })).rejects.toThrow(/not_supported/);
    await expect(kms.createKey({ type: 'Secp256k1', meta: { relationship: 0 } })).rejects.toThrow(
      /no mnemonic/,
    );
    await expect(kms.sharedSecret()).rejects.toThrow(/not_supported/);
  });

  it('Given a KMS that was told to forget, then it signs nothing any more', async () => {
    const kms = new VouchKms({ crypto, seed: await mnemonicToSeed(MNEMONIC) });
    const key = await kms.createKey({ type: 'Secp256k1', meta: { relationship: 0 } });
    kms.forget();
    expect(kms.hasSeed).toBe(false);
    await expect(kms.sign({ keyRef: key, data })).rejects.toThrow(/holds no key/);
  });
});

describe('createVouchAgent keys', () => {
  it('Given an agent with a mnemonic and an issuer key file, then no private key or seed can be read from it', async () => {
    const file = await createIssuerKeyFile(crypto, 'ES256');
    const agent = await createVouchAgent({ mnemonic: MNEMONIC, issuerKeyFile: file, crypto });
    const holder = await agent.createHolderDid({ relationship: 1, child: 2 });
    const seedHex = Buffer.from(await mnemonicToSeed(MNEMONIC)).toString('hex');
    const keys = [
      ...(await agent.keyManagerGet({ kid: holder.controllerKeyId! }).then((key) => [key])),
      ...(await agent.didManagerFind()).flatMap((identifier) => identifier.keys),
    ];
    for (const key of keys) expect(key).not.toHaveProperty('privateKeyHex');
    const everything = [
      JSON.stringify(keys),
      JSON.stringify(await agent.didManagerFind()),
      inspect(agent, { depth: 8, showHidden: true }),
    ].join('\n');
    expect(everything).not.toContain(file.privateJwk.d);
    expect(everything).not.toContain(seedHex);
    expect(everything).not.toContain(MNEMONIC.split(' ').slice(0, 4).join(' '));
    expect(agent.availableMethods().filter((name) => /export/i.test(name))).toEqual([]);
  });

  it('Given a bad mnemonic or key file, then createVouchAgent says what is wrong without echoing the secret', async () => {
    const words = MNEMONIC.split(' ');
    words[4] = 'notaword';
    await expect(createVouchAgent({ mnemonic: words.join(' '), crypto })).rejects.toThrow(
      /"mnemonic": word 5 is not in the BIP39 English word list$/,
    );
    await expect(
      createVouchAgent({ mnemonic: words.slice(0, 12).join(' '), crypto }),
    ).rejects.not.toThrow(/notaword/);
    const file = await createIssuerKeyFile(crypto, 'ES256');
    await expect(
      createVouchAgent({ issuerKeyFile: { ...file, did: 'did:key:zDnaeX' }, crypto }),
    ).rejects.toThrow(/"issuerKeyFile": "did" expected did:key:zDn/);
  });

  it('Given a mnemonic, then the agent manages the wallet root did:key, and holder DIDs of the HD tree on request', async () => {
    const agent = await createVouchAgent({ mnemonic: MNEMONIC, crypto });
    const seed = await mnemonicToSeed(MNEMONIC);
    const wallet = await agent.didManagerGetByAlias({ alias: 'wallet' });
    expect(wallet.did).toBe(describeKey(seed).did);
    const holder = await agent.createHolderDid({ relationship: 2, child: 9 });
    expect(holder.did).toBe(describeKey(seed, credentialPath(2, 9)).did);
    const again = await agent.createHolderDid({ relationship: 2, child: 9 });
    expect(again.did).toBe(holder.did);
    await expect(agent.createHolderDid({ relationship: -1 })).rejects.toThrow(
      /"meta.relationship" expected an integer/,
    );
  });
});

describe('createVouchAgent DID resolution', () => {
  it('Given no didWebFetch, then a did:web is not resolved and nothing is fetched; given one, then it is resolved through it', async () => {
    const offline = await createVouchAgent({ crypto });
    const notFound = await offline.resolveDid({ didUrl: 'did:web:uni.example' });
    expect(notFound.didDocument).toBeNull();
    expect(notFound.didResolutionMetadata.error).toBe('notFound');

    const urls: string[] = [];
    const file = await createIssuerKeyFile(crypto, 'ES256');
    const document = {
      id: 'did:web:uni.example',
      verificationMethod: [
        {
          id: 'did:web:uni.example#key-1',
          type: 'JsonWebKey2020',
          controller: 'did:web:uni.example',
          publicKeyJwk: file.publicJwk,
        },
      ],
      assertionMethod: ['did:web:uni.example#key-1'],
    };
    const online = await createVouchAgent({
      crypto,
      didWebFetch: async (url) => {
        urls.push(url);
        return {
          status: 200,
          headers: { get: () => null },
          text: async () => JSON.stringify(document),
        };
      },
    });
    const resolved = await online.resolveDid({ didUrl: 'did:web:uni.example' });
    expect(urls).toEqual(['https://uni.example/.well-known/did.json']);
    expect(resolved.didDocument?.id).toBe('did:web:uni.example');
    const jwk = await online.resolveDid({
      didUrl: `did:jwk:${Buffer.from(JSON.stringify(file.publicJwk)).toString('base64url')}`,
    });
    expect(jwk.didDocument?.verificationMethod?.[0]?.publicKeyJwk).toMatchObject({
      x: file.publicJwk.x,
    });
  });
});

describe('createVouchAgent methods', () => {
  it("Given an agent, then Veramo's and Vouch's methods are available and getSchema describes every Vouch method", async () => {
    const agent = await createVouchAgent({ crypto });
    const vouchMethods = [
      'createSdJwtVc',
      'createSdJwtPresentation',
      'createVcJwt',
      'createVpJwt',
      'createHolderDid',
      'verifySdJwtPresentation',
      'verifyVouchPresentation',
      'verifyVouchCredential',
      'checkCredentialStatus',
      'runEligibilityRule',
    ];
    const veramoMethods = [
      'keyManagerSign',
      'didManagerFind',
      'resolveDid',
      'createVerifiableCredential',
      'verifyCredential',
      'createVerifiablePresentation',
      'verifyPresentation',
    ];
    expect(agent.availableMethods()).toEqual(
      expect.arrayContaining([...vouchMethods, ...veramoMethods]),
    );
    const described = Object.keys(agent.getSchema().components.methods);
    expect(described).toEqual(expect.arrayContaining(vouchMethods));
  });
});
