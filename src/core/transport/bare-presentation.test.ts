import { describe, expect, it } from 'vitest';
import { exampleClaims } from '../credentials/index.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { parsePresentationResponse } from '../protocol/response.ts';
import { issueW3c, makeW3cWorld, NOW, presentW3c } from '../w3c/w3c-world.fake.ts';
import {
  presentationOfResponse,
  presentationQueryId,
  responseForPresentation,
} from './bare-presentation.ts';
import { encodeForQr } from './qr-frames.ts';
import { QR_BYTES_V22_M } from './limits.ts';
import { samplePresentation } from './sample-payloads.fake.ts';

describe('bare presentations as responses', () => {
  it('Given an SD-JWT VC presentation, when wrapped, then it is a response under its type id that fits ONE frame and unwraps to itself', async () => {
    const presentation = await samplePresentation();
    expect(presentation.length).toBeGreaterThan(QR_BYTES_V22_M);
    expect(presentationQueryId(presentation)).toBe('income-statement');
    const payload = responseForPresentation(`${presentation}\n`);
    if (!payload) throw new Error('not wrapped');
    const parsed = parsePresentationResponse(payload);
    expect(parsed.ok && parsed.value.vpToken).toEqual({ 'income-statement': [presentation] });
    expect(encodeForQr('response', payload).animated).toBe(false);
    expect(presentationOfResponse(payload)).toBe(presentation);
  });

  it('Given a W3C VP-JWT, when wrapped, then its query id is the type id + _w3c', async () => {
    const w = await makeW3cWorld();
    const diploma = await issueW3c(w, { typeId: 'diploma', claims: exampleClaims('diploma') });
    const vp = await presentW3c(w, diploma, {
      audience: 'decentralized_identifier:did:key:zDnaeDesk',
      nonce: 'n-1',
      issuedAt: NOW,
    });
    expect(presentationQueryId(vp)).toBe('diploma_w3c');
    const payload = responseForPresentation(vp);
    expect(payload && presentationOfResponse(payload)).toBe(vp);
  });

  it('Given text that is no presentation (an issuance SD-JWT, JSON, words), then nothing is wrapped', async () => {
    const presentation = await samplePresentation();
    const issuance = `${presentation.slice(0, presentation.lastIndexOf('~'))}~`;
    for (const text of [issuance, '{"vp_token":{}}', 'hello world', '']) {
      expect(responseForPresentation(text)).toBeUndefined();
    }
    // A response with anything more than the wrapping (state, a second presentation) is no bare one.
    const extra = utf8ToBytes(
      JSON.stringify({ vp_token: { 'income-statement': [presentation] }, state: 's' }),
    );
    expect(presentationOfResponse(extra)).toBeUndefined();
  });
});
