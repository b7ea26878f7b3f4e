import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { ExtendedPublicKey } from '../brand.ts';
import vectors from './bip32-vectors.cases.json';
import tree from './vouch-key-tree.cases.json';
import { mnemonicToSeed } from './mnemonic.ts';
import { didKeyFromPublicKey } from './did-key.ts';
import {
  credentialPath,
  deriveCredentialPublicKey,
  describeKey,
  parseBip32Path,
  parseExtendedPublicKey,
  relationshipPath,
  WALLET_ROOT_PATH,
  withPrivateKey,
} from './hd.ts';

const chains = vectors.vectors.flatMap((v) =>
  v.chains.map((chain) => [v.name, chain.path, v.seedHex, chain] as const),
);
const SEED = hexToBytes(vectors.vectors[1]!.seedHex);

describe('BIP32 test vectors 1–3 (bitcoin/bips bip-0032.mediawiki)', () => {
  it.each(chains)(
    'Given %s, when deriving %s, then xpub and private key match',
    async (_name, path, seedHex, chain) => {
      const parsed = parseBip32Path(path);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const seed = hexToBytes(seedHex);
      const info = describeKey(seed, parsed.value);
      expect(info.xpub).toBe(chain.xpub);
      const expectedPublic = HDKey.fromExtendedKey(chain.xpub).publicKey!;
      expect(info.publicKeyHex).toBe(bytesToHex(expectedPublic));
      expect(info.did).toBe(didKeyFromPublicKey(expectedPublic));
      const expectedPrivate = HDKey.fromExtendedKey(chain.xprv).privateKey!;
      await withPrivateKey(seed, parsed.value, (privateKey) => {
        expect(bytesToHex(privateKey)).toBe(bytesToHex(expectedPrivate));
      });
    },
  );
});

describe('parseBip32Path', () => {
  it.each([
    ['m', 'm'],
    ["m/7467'/0'", "m/7467'/0'"],
    ['m/7467h/0H/3/2147483647', "m/7467'/0'/3/2147483647"],
    ["m/2147483647'", "m/2147483647'"],
  ])('Given %j, when parsed, then it is %j', (input, expected) => {
    expect(parseBip32Path(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'must start with "m"'],
    ["M/0'", 'must start with "m"'],
    ["7467'/0'", 'must start with "m"'],
    ['m/', 'step 1 ("")'],
    ["m/0'/", 'step 2 ("")'],
    ['m/-1', 'step 1 ("-1") expected a decimal index'],
    ['m/01', 'step 1 ("01") expected a decimal index'],
    ["m/0''", `step 1 ("0''")`],
    ['m/1.5', 'step 1 ("1.5")'],
    ['m/ 1', 'step 1 (" 1")'],
    ['m/2147483648', 'index expected in range 0..2147483647 (2^31-1), got 2147483648'],
    ["m/0/4294967296'", 'step 2 ("4294967296\'") index expected in range'],
    [`m${'/0'.repeat(256)}`, 'at most 255'],
  ])('Given %j, when parsed, then it fails saying %j', (input, expected) => {
    const result = parseBip32Path(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('bad-path');
      expect(result.detail.message).toContain(expected);
    }
  });
});

describe('the wallet key tree', () => {
  it('Given the constants, when building paths, then relationship steps are hardened and credential steps are not', () => {
    expect(WALLET_ROOT_PATH).toBe("m/7467'/0'");
    expect(relationshipPath(3)).toBe("m/7467'/0'/3'");
    expect(credentialPath(3, 12)).toBe("m/7467'/0'/3'/12");
    expect(() => relationshipPath(-1)).toThrow(
      '"index" expected an integer in range 0..2147483647',
    );
    expect(() => credentialPath(0, 2 ** 31)).toThrow('"child" expected an integer');
  });

  it('Given a seed, when describing the default key, then it is the wallet root with public data only', () => {
    const info = describeKey(SEED);
    expect(Object.keys(info)).toEqual(['path', 'xpub', 'publicKeyHex', 'did']);
    expect(info.path).toBe(WALLET_ROOT_PATH);
    expect(info.xpub.startsWith('xpub')).toBe(true);
    expect(info.publicKeyHex).toMatch(/^0[23][0-9a-f]{64}$/);
    expect(info.did.startsWith('did:key:zQ3s')).toBe(true);
    expect(JSON.stringify(info)).not.toContain('xprv');
  });

  it('Given a relationship xpub, when the issuer derives credential key c, then it equals the holder-side key at credentialPath(r, c)', async () => {
    const relationship = describeKey(SEED, relationshipPath(5));
    for (const child of [0, 1, 2 ** 31 - 1]) {
      const issuerSide = deriveCredentialPublicKey(relationship.xpub, child);
      await withPrivateKey(SEED, credentialPath(5, child), (privateKey) => {
        expect(bytesToHex(secp256k1.getPublicKey(privateKey, true))).toBe(bytesToHex(issuerSide));
      });
      expect(bytesToHex(issuerSide)).toBe(describeKey(SEED, credentialPath(5, child)).publicKeyHex);
    }
  });

  it('Given a hardened child index, when the issuer derives from an xpub, then it is refused', () => {
    const { xpub } = describeKey(SEED, relationshipPath(0));
    expect(() => deriveCredentialPublicKey(xpub, 2 ** 31)).toThrow(
      '"childIndex" expected an integer in range 0..2147483647',
    );
  });

  it('Given a key lent by withPrivateKey, when the callback returns or throws, then the buffer is zeroed', async () => {
    let lent: Uint8Array = new Uint8Array();
    await withPrivateKey(SEED, WALLET_ROOT_PATH, (privateKey) => {
      lent = privateKey;
      expect(lent.some((byte) => byte !== 0)).toBe(true);
    });
    expect(lent.every((byte) => byte === 0)).toBe(true);
    await expect(
      withPrivateKey(SEED, WALLET_ROOT_PATH, (privateKey) => {
        lent = privateKey;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(lent.every((byte) => byte === 0)).toBe(true);
  });

  it('Given a caller seed buffer, when keys are described, then the caller buffer is left intact', () => {
    const seed = Uint8Array.from(SEED);
    describeKey(seed, relationshipPath(1));
    expect(bytesToHex(seed)).toBe(bytesToHex(SEED));
  });
});

describe('parseExtendedPublicKey', () => {
  const { xpub } = describeKey(SEED, relationshipPath(0));

  it('Given a relationship xpub, when parsed, then it is accepted', () => {
    expect(parseExtendedPublicKey(xpub)).toEqual({ ok: true, value: xpub });
  });

  // Invalid keys from BIP32 test vector 5 (bitcoin/bips bip-0032.mediawiki).
  it.each([
    [
      'xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6LBpB85b3D2yc8sfvZU521AAwdZafEz7mnzBBsz4wKY5fTtTQBm',
      'pubkey version / prvkey mismatch',
    ],
    [
      'xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6Txnt3siSujt9RCVYsx4qHZGc62TG4McvMGcAUjeuwZdduYEvFn',
      'invalid pubkey prefix 04',
    ],
    [
      'xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6N8ZMMXctdiCjxTNq964yKkwrkBJJwpzZS4HS2fxvyYUA4q2Xe4',
      'invalid pubkey prefix 01',
    ],
    [
      'xpub661no6RGEX3uJkY4bNnPcw4URcQTrSibUZ4NqJEw5eBkv7ovTwgiT91XX27VbEXGENhYRCf7hyEbWrR3FewATdCEebj6znwMfQkhRYHRLpJ',
      'zero depth with non-zero parent fingerprint',
    ],
    [
      'xpub661MyMwAuDcm6CRQ5N4qiHKrJ39Xe1R1NyfouMKTTWcguwVcfrZJaNvhpebzGerh7gucBvzEQWRugZDuDXjNDRmXzSZe4c7mnTK97pTvGS8',
      'zero depth with non-zero index',
    ],
    [
      'xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6Q5JXayek4PRsn35jii4veMimro1xefsM58PgBMrvdYre8QyULY',
      'invalid pubkey 02…07',
    ],
  ])('Given BIP32 vector 5 key %s, when parsed, then it is refused (%s)', (text) => {
    expect(parseExtendedPublicKey(text)).toMatchObject({ ok: false, reason: 'bad-xpub' });
  });

  it('Given a private extended key, when parsed as an xpub, then it is refused with a warning', () => {
    const result = parseExtendedPublicKey(vectors.vectors[0]!.chains[0]!.xprv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail.message).toContain('PRIVATE key');
  });

  it('Given an xpub with one character changed, when parsed, then the checksum fails', () => {
    const typo = `${xpub.slice(0, -1)}${xpub.endsWith('a') ? 'b' : 'a'}`;
    expect(parseExtendedPublicKey(typo)).toMatchObject({ ok: false, reason: 'bad-xpub' });
    expect(() => deriveCredentialPublicKey(typo as ExtendedPublicKey, 0)).toThrow('"xpub"');
  });
});

describe('Vouch key-tree vectors (vouch-key-tree.cases.json, docs/keys.md)', () => {
  it('Given the documented mnemonic, when each documented path is described, then path, xpub, key and DID match', async () => {
    const seed = await mnemonicToSeed(tree.mnemonic, tree.passphrase);
    for (const expected of tree.keys) {
      const path = parseBip32Path(expected.path);
      if (!path.ok) throw new Error(expected.path);
      expect(describeKey(seed, path.value)).toEqual(expected);
    }
  });

  it('Given the documented relationship 0 xpub, when an issuer derives children 0 and 1, then they are the documented credential keys', () => {
    const relationship = tree.keys.find((key) => key.path === "m/7467'/0'/0'")!;
    for (const child of [0, 1]) {
      const expected = tree.keys.find((key) => key.path === `m/7467'/0'/0'/${child}`)!;
      const publicKey = deriveCredentialPublicKey(relationship.xpub as ExtendedPublicKey, child);
      expect(bytesToHex(publicKey)).toBe(expected.publicKeyHex);
    }
  });
});
