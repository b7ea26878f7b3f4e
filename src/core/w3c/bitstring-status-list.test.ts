/**
 * W3C Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/) vectors: the
 * spec's own encodedList (Examples 3 and 5: 131,072 bits, none set), a known list with indices 0,
 * 7, 8 and 131071 set (MSB first, §3.2), the IETF twin (same index, same status), a GZIP member
 * built by hand from RFC 1952 / RFC 1951 §3.2.4 (stored blocks), and hostile input (a GZIP bomb, not-GZIP, a truncated stream, a wrong prefix).
 */
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { decompressStatusList } from '../status-list/status-bits.ts';
import { createStatusList, revokeStatusIndex } from '../status-list/status-list-file.ts';
import type { StatusListFile } from '../status-list/status-list-file.ts';
import {
  bitstringFromStatusBytes,
  decodeBitstringList,
  encodeBitstringList,
  MIN_BITSTRING_LENGTH,
  readBitstringStatus,
} from './bitstring-status-list.ts';
import { bitstringStatusEntry, bitstringStatusListUrl } from './status-entry.ts';

/** W3C Bitstring Status List v1.0, Examples 3 (§2.2) and 5 (§A.2). */
const SPEC_ENCODED_LIST = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

function known(): Uint8Array {
  const bits = new Uint8Array(MIN_BITSTRING_LENGTH / 8);
  bits[0] = 0x81; // indices 0 and 7
  bits[1] = 0x80; // index 8
  bits[bits.length - 1] = 0x01; // index 131071
  return bits;
}

describe('decodeBitstringList', () => {
  it("Given the spec's example encodedList, then it is 131,072 bits, none set", () => {
    const decoded = decodeBitstringList(SPEC_ENCODED_LIST);
    if (!decoded.ok) throw new Error(decoded.detail.message);
    expect(decoded.value.length * 8).toBe(131_072);
    expect(decoded.value.every((byte) => byte === 0)).toBe(true);
    expect(readBitstringStatus(decoded.value, 94567)).toBe(0);
  });

  it('Given a list with indices 0, 7, 8 and 131071 set, when encoded and decoded, then exactly those read 1', () => {
    const decoded = decodeBitstringList(encodeBitstringList(known()));
    if (!decoded.ok) throw new Error(decoded.detail.message);
    const set = [0, 1, 6, 7, 8, 9, 131070, 131071].map((i) =>
      readBitstringStatus(decoded.value, i),
    );
    expect(set).toEqual([1, 0, 0, 1, 1, 0, 0, 1]);
    expect(readBitstringStatus(decoded.value, 131072)).toBe(-1);
    expect(readBitstringStatus(decoded.value, -1)).toBe(-1);
  });

  it('Given a GZIP member written by hand (RFC 1952, one stored block), then it decodes to the same bits', () => {
    const data = known();
    const crcTable = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    let crc = 0xffffffff;
    for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
    crc = (crc ^ 0xffffffff) >>> 0;
    const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
    const len = data.length; // 16384 < 65535: one stored block
    const member = new Uint8Array([
      ...[0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff], // ID1 ID2 CM=deflate FLG MTIME XFL OS
      ...[0x01, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff], // BFINAL=1 BTYPE=00 LEN NLEN
      ...data,
      ...le32(crc),
      ...le32(len),
    ]);
    const decoded = decodeBitstringList(`u${encodeBase64Url(member)}`);
    expect(decoded.ok && decoded.value).toEqual(data);
  });

  it('Given a GZIP bomb (20 MiB of zeros), then too-large, without inflating it all', () => {
    const bomb = `u${encodeBase64Url(gzipSync(new Uint8Array(20 * 1024 * 1024)))}`;
    const decoded = decodeBitstringList(bomb);
    expect(decoded.ok ? 'ok' : decoded.reason).toBe('too-large');
  });

  it.each([
    ['no multibase prefix', SPEC_ENCODED_LIST.slice(1)],
    ['base58 prefix', `z${SPEC_ENCODED_LIST.slice(1)}`],
    ['not GZIP', `u${encodeBase64Url(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))}`],
    ['a truncated stream', SPEC_ENCODED_LIST.slice(0, 30)],
    ['not a string', 42],
  ])('Given %s, then malformed', (_, input) => {
    const decoded = decodeBitstringList(input);
    expect(decoded.ok ? 'ok' : decoded.reason).toBe('malformed');
  });
});

describe('encodeBitstringList and the IETF twin', () => {
  it('Given a bitstring shorter than 131,072 bits, then encoding refuses it', () => {
    expect(() => encodeBitstringList(new Uint8Array(1000))).toThrow(/131072/);
  });

  it('Given an IETF list with indices 0, 7, 8 and 99999 revoked, then its bitstring has the same indices set', () => {
    let list: StatusListFile = createStatusList({ uri: 'https://u.example/status/1' });
    for (const index of [0, 7, 8, 99_999]) {
      const revoked = revokeStatusIndex(list, index, { evenIfNotIssued: true });
      if (!revoked.ok) throw new Error(revoked.detail.message);
      list = revoked.value;
    }
    const ietf = decompressStatusList(list.lst);
    if (!ietf.ok) throw new Error(ietf.detail.message);
    const bits = bitstringFromStatusBytes(ietf.value);
    expect(bits.length * 8).toBe(MIN_BITSTRING_LENGTH);
    const setIndices = [];
    for (let i = 0; i < bits.length * 8; i++)
      if (readBitstringStatus(bits, i) === 1) setIndices.push(i);
    expect(setIndices).toEqual([0, 7, 8, 99_999]);
    expect(bits[0]).toBe(0x81);
    expect(bits[1]).toBe(0x80);
  });

  it('Given an IETF list URI, then the entry points at its .w3c twin with the index as a string', () => {
    expect(bitstringStatusListUrl('https://u.example/status/1')).toBe(
      'https://u.example/status/1.w3c',
    );
    expect(bitstringStatusEntry({ idx: 94567, uri: 'https://u.example/status/1' })).toEqual({
      id: 'https://u.example/status/1.w3c#94567',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://u.example/status/1.w3c',
    });
  });
});
