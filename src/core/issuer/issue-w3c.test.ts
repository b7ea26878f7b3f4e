/**
 * The issuer desk issues a diploma as a W3C VC-JWT (issue 10, docs/w3c-vc.md): checked with
 * did-jwt-vc's own verifyCredential and Veramo's did:key resolver (not only with our code), the
 * offline offer carrying it, and the status list published in both encodings.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { gunzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../encoding/index.ts';
import {
  connectToIssuer,
  createHolderWallet,
  listCredentials,
  receiveCredentialOffer,
  type HolderWallet,
} from '../holder/index.ts';
import { nobleJwsCrypto } from '../jose/index.ts';
import { deriveCredentialPublicKey, didKeyFromPublicKey } from '../keys/index.ts';
import { parseCredentialOffer } from '../protocol/index.ts';
import type { ExtendedPublicKey } from '../brand.ts';
import { verifyStatusListJwt } from '../status-list/index.ts';
import {
  createQrAssembler,
  decodeFromText,
  encodeForQr,
  encodeForText,
} from '../transport/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { verifyCredentialJwt } from '../w3c/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createDesk, type IssuerDesk } from './desk.ts';
import {
  issueToSubject,
  listIssued,
  publishDeskBitstringStatusList,
  publishDeskStatusList,
  revokeIssued,
} from './issuance.ts';
import { readSubject, registerSubject } from './register.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');
const STATUS_URI = 'https://status.uu.example/vouch/1';
const ABANDON_ART = `${'abandon '.repeat(23)}art`;
const resolver = new Resolver(getDidKeyResolver());

const diploma = {
  degree: 'Master of Science',
  level: 'master',
  field: 'Computer Science',
  institution: 'Universiteit Utrecht',
  date_awarded: '2026-07-05',
  grade: 'cum laude',
  eqf_level: 7,
  isced_f: '0613',
  graduate_name: 'Lotte Janssens',
  birth_date: '2001-03-17',
};

async function newDesk(alg: 'ES256' | 'EdDSA' | 'ES256K'): Promise<IssuerDesk> {
  const created = await createDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws },
    {
      passcode: 'desk passcode 1',
      profile: { name: 'Universiteit Utrecht', kind: 'university', registration: 'BRIN 00JK' },
      alg,
      statusListUri: STATUS_URI,
      now: NOW,
    },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

/** A wallet connects; the desk registers it. Returns the subject and the wallet's own xpub. */
async function connect(wallet: HolderWallet, desk: IssuerDesk) {
  const started = await connectToIssuer(wallet, { issuerName: 'UU', now: NOW, jti: 'j1' });
  if (!started.ok) throw new Error(started.reason);
  const registered = await registerSubject(desk, {
    connectRequest: started.value.request,
    name: 'Lotte Janssens',
    number: 'S-1',
    now: new Date(NOW.getTime() + 60_000),
    randomBytes,
  });
  if (!registered.ok) throw new Error(registered.reason);
  return { subject: registered.value, walletXpub: started.value.relationship.xpub };
}

function payloadOf(jwt: string): Record<string, unknown> {
  const part = decodeBase64Url(jwt.split('.')[1] ?? '');
  if (!part.ok) throw new Error('not a JWT');
  return JSON.parse(new TextDecoder().decode(part.value)) as Record<string, unknown>;
}

/** Bit `index` of a W3C list credential, read by hand (Bitstring Status List v1.0 §3.2: MSB first). */
async function w3cBit(listJwt: string, index: number): Promise<number> {
  const verified = await verifyCredential(listJwt, resolver, {
    policies: { now: Math.floor(NOW.getTime() / 1000) + 120 },
  });
  const subject = verified.verifiableCredential.credentialSubject as { encodedList: string };
  expect(subject.encodedList.startsWith('u')).toBe(true);
  const gz = decodeBase64Url(subject.encodedList.slice(1));
  if (!gz.ok) throw new Error('encodedList is not base64url');
  const bits = gunzipSync(gz.value);
  expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
  return ((bits[index >> 3] ?? 0) >> (7 - (index % 8))) & 1;
}

async function ietfBit(desk: IssuerDesk, index: number): Promise<number> {
  const published = await publishDeskStatusList(desk, { jws }, { now: NOW });
  const verified = await verifyStatusListJwt(published.jwt, {
    crypto: jws,
    now: NOW,
    expectedUri: STATUS_URI,
  });
  if (!verified.ok) throw new Error(verified.reason);
  return verified.value.statusAt(index);
}

describe('issuer desk: a diploma as a W3C VC-JWT', () => {
  let wallet: HolderWallet;

  beforeEach(async () => {
    const created = await createHolderWallet(
      { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
      { mnemonic: ABANDON_ART, passcode: '804193', origin: 'restored' },
    );
    if (!created.ok) throw new Error(created.reason);
    wallet = created.value;
  });

  it.each(['ES256', 'EdDSA', 'ES256K'] as const)(
    'Given a %s university desk, when a diploma is issued as jwt_vc_json, then did-jwt-vc verifies it, sub is the derived child did:key and it carries the claims and status entry',
    async (alg) => {
      const desk = await newDesk(alg);
      const { subject, walletXpub } = await connect(wallet, desk);
      const issued = await issueToSubject(
        desk,
        { jws, randomBytes },
        {
          subjectId: subject.id,
          typeId: 'diploma',
          claims: diploma,
          now: NOW,
          format: 'jwt_vc_json',
        },
      );
      if (!issued.ok) throw new Error(issued.reason);
      const { record, credential } = issued.value;
      expect(record).toMatchObject({ format: 'jwt_vc_json', typeId: 'diploma', childIndex: 0 });

      const verified = await verifyCredential(credential, resolver, {
        policies: { now: Math.floor(NOW.getTime() / 1000) + 60 },
      });
      const childDid = didKeyFromPublicKey(
        deriveCredentialPublicKey(walletXpub as ExtendedPublicKey, record.childIndex),
      );
      expect(childDid.startsWith('did:key:zQ3s')).toBe(true);
      expect(verified.payload.iss).toBe(desk.issuer.did);
      expect(verified.payload.sub).toBe(childDid);
      const vc = verified.payload.vc as Record<string, unknown>;
      expect(vc.type).toEqual(['VerifiableCredential', 'VouchDiploma']);
      expect(vc.credentialSubject).toEqual(diploma);
      expect(vc.credentialStatus).toEqual({
        id: `${STATUS_URI}.w3c#${record.statusIndex}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(record.statusIndex),
        statusListCredential: `${STATUS_URI}.w3c`,
      });
      // A diploma does not expire (docs/credentials.md); nbf = iat = issuance.
      expect(verified.payload.exp).toBeUndefined();
      expect(verified.payload.nbf).toBe(NOW.getTime() / 1000);
    },
  );

  it('Given two diplomas in both formats, then each spends its own child and status index in one write, and the log records the format', async () => {
    const desk = await newDesk('ES256');
    const { subject } = await connect(wallet, desk);
    const issue = (format?: 'jwt_vc_json') =>
      issueToSubject(
        desk,
        { jws, randomBytes },
        {
          subjectId: subject.id,
          typeId: 'diploma',
          claims: diploma,
          now: NOW,
          ...(format ? { format } : {}),
        },
      );
    const first = await issue('jwt_vc_json');
    const second = await issue();
    if (!first.ok || !second.ok) throw new Error('not issued');
    expect([first.value.record.childIndex, second.value.record.childIndex]).toEqual([0, 1]);
    expect(first.value.record.statusIndex).not.toBe(second.value.record.statusIndex);
    expect((await readSubject(desk, subject.id))?.nextChildIndex).toBe(2);
    const formats = Object.fromEntries(
      (await listIssued(desk)).map((item) => [item.id, item.format]),
    );
    expect(formats).toEqual({
      [first.value.record.id]: 'jwt_vc_json',
      [second.value.record.id]: 'dc+sd-jwt',
    });
    // SD-JWT VC stays the default: issuance form, ending in "~".
    expect(second.value.credential.endsWith('~')).toBe(true);
    expect(payloadOf(second.value.credential.split('~')[0] ?? '').vct).toBe('urn:vouch:diploma:1');
  });

  it('Given a VC-JWT diploma, when its offer is made, then the offer carries it as jwt_vc_json and round-trips through QR frames and text', async () => {
    const desk = await newDesk('ES256');
    const { subject } = await connect(wallet, desk);
    const issued = await issueToSubject(
      desk,
      { jws, randomBytes },
      {
        subjectId: subject.id,
        typeId: 'diploma',
        claims: diploma,
        now: NOW,
        format: 'jwt_vc_json',
      },
    );
    if (!issued.ok) throw new Error(issued.reason);
    const { offer, credential, record } = issued.value;
    expect(parseCredentialOffer(offer)).toEqual({
      ok: true,
      value: {
        credential,
        relationship: subject.fingerprint,
        childIndex: record.childIndex,
        format: 'jwt_vc_json',
        version: 1,
        copies: [{ credential, childIndex: record.childIndex }],
      },
    });

    const qr = encodeForQr('offer', offer);
    const assembler = createQrAssembler();
    let progress = assembler.push(qr.frames[0] as Uint8Array);
    for (const frame of qr.frames.slice(1)) {
      if (progress.state !== 'collecting') break;
      progress = assembler.push(frame);
    }
    expect(progress.state).toBe('done');
    if (progress.state === 'done') {
      expect(progress.kind).toBe('offer');
      expect(Array.from(progress.payload)).toEqual(Array.from(offer));
    }
    // A VC-JWT diploma offer (about 1.5 KB of JSON, ~600 bytes packed) fits one static QR frame.
    expect(qr.animated).toBe(false);

    const text = decodeFromText(encodeForText('offer', offer));
    expect(text.ok && Array.from(text.value.payload)).toEqual(Array.from(offer));
  });

  it('Given a VC-JWT diploma, when it is revoked, then its bit flips in both the IETF list and the W3C BitstringStatusListCredential', async () => {
    const desk = await newDesk('ES256');
    const { subject } = await connect(wallet, desk);
    const issued = await issueToSubject(
      desk,
      { jws, randomBytes },
      {
        subjectId: subject.id,
        typeId: 'diploma',
        claims: diploma,
        now: NOW,
        format: 'jwt_vc_json',
      },
    );
    if (!issued.ok) throw new Error(issued.reason);
    const index = issued.value.record.statusIndex;

    const before = await publishDeskBitstringStatusList(desk, { jws }, { now: NOW });
    expect(before.uri).toBe(`${STATUS_URI}.w3c`);
    expect([await ietfBit(desk, index), await w3cBit(before.jwt, index)]).toEqual([0, 0]);

    const revoked = await revokeIssued(desk, {
      issuedId: issued.value.record.id,
      reason: 'awarded in error',
      now: NOW,
    });
    expect(revoked.ok).toBe(true);

    const after = await publishDeskBitstringStatusList(desk, { jws }, { now: NOW });
    expect([await ietfBit(desk, index), await w3cBit(after.jwt, index)]).toEqual([1, 1]);
    // Only that bit: its neighbours stay valid in both encodings.
    const neighbour = index === 0 ? 1 : index - 1;
    expect([await ietfBit(desk, neighbour), await w3cBit(after.jwt, neighbour)]).toEqual([0, 0]);
    const listPayload = payloadOf(after.jwt);
    expect(listPayload.iss).toBe(desk.issuer.did);
    expect((listPayload.vc as { type: string[] }).type).toContain('BitstringStatusListCredential');
  });

  it('Given the list at another address (the desk server), when published as W3C, then it is named by that address + .w3c', async () => {
    const desk = await newDesk('ES256');
    const hosted = 'https://server.uu.example/status/desk-abc';
    const published = await publishDeskBitstringStatusList(
      desk,
      { jws },
      { now: NOW, uri: hosted },
    );
    expect(published.uri).toBe(`${hosted}.w3c`);
    const vc = payloadOf(published.jwt).vc as { id?: string };
    const id = vc.id ?? payloadOf(published.jwt).jti;
    expect(id).toBe(`${hosted}.w3c`);
  });

  it("Given a VC-JWT diploma and the desk's W3C list, when Vouch's own verifier checks it, then it is valid, and revoked once the desk revokes it", async () => {
    const desk = await newDesk('EdDSA');
    const { subject } = await connect(wallet, desk);
    const issued = await issueToSubject(
      desk,
      { jws, randomBytes },
      {
        subjectId: subject.id,
        typeId: 'diploma',
        claims: diploma,
        now: NOW,
        format: 'jwt_vc_json',
      },
    );
    if (!issued.ok) throw new Error(issued.reason);
    const verify = async () => {
      const list = await publishDeskBitstringStatusList(desk, { jws }, { now: NOW });
      return verifyCredentialJwt(issued.value.credential, {
        crypto: jws,
        now: new Date(NOW.getTime() + 60_000),
        issuerKey: desk.issuer.publicJwk,
        statusList: (uri) => (uri === list.uri ? { jwt: list.jwt, fetchedAt: NOW } : undefined),
      });
    };
    const before = await verify();
    expect(before.valid).toBe(true);
    expect(before.format).toBe('jwt_vc_json');
    expect(before.claims).toMatchObject({ eqf_level: 7, isced_f: '0613' });

    await revokeIssued(desk, { issuedId: issued.value.record.id, reason: 'fraud', now: NOW });
    const after = await verify();
    expect(after.valid).toBe(false);
    expect(after.checks.find((check) => check.name === 'status')).toMatchObject({
      code: 'revoked',
    });
  });

  it("Given the wallet that connected, when it receives the desk's VC-JWT offer, then it holds a W3C diploma bound to the child key the desk chose", async () => {
    const desk = await newDesk('ES256');
    const { subject } = await connect(wallet, desk);
    const issued = await issueToSubject(
      desk,
      { jws, randomBytes },
      {
        subjectId: subject.id,
        typeId: 'diploma',
        claims: diploma,
        now: NOW,
        format: 'jwt_vc_json',
      },
    );
    if (!issued.ok) throw new Error(issued.reason);
    const received = await receiveCredentialOffer(wallet, issued.value.offer, {
      crypto: jws,
      now: NOW,
    });
    if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
    expect(received.value).toMatchObject({
      format: 'jwt_vc_json',
      compact: issued.value.credential,
      typeId: 'diploma',
      issuer: desk.issuer.did,
      childIndex: issued.value.record.childIndex,
    });
    expect(received.value.claims).toMatchObject({ eqf_level: 7, isced_f: '0613' });
    expect(await listCredentials(wallet)).toHaveLength(1);
  });
});
