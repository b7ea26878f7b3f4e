import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { makeReceipt } from '../../core/evidence/index.ts';
import { FAKE_INCLUSION } from '../../core/holder/receipts.fake.ts';
import { createIssuerKeyFile, nobleJwsCrypto } from '../../core/jose/index.ts';
import { partyOfDid } from '../../core/holder/receipts.ts';
import { httpLedger } from './ledger-client.ts';

const jws = nobleJwsCrypto({ randomBytes });
const desk = await createIssuerKeyFile(jws, 'ES256');
const party = partyOfDid(desk.did);
if (!party) throw new Error('party');
const { receipt, opening } = makeReceipt({
  action: 'ACKNOWLEDGE',
  time: Date.parse('2026-12-03T09:00:00Z'),
  document: new Uint8Array([1, 2, 3]),
  sender: party,
  recipient: party,
  randomBytes,
});

function ledgerAnswering(answer: () => Response | Promise<Response>) {
  const posted: { url: string; body: unknown }[] = [];
  const lines: string[] = [];
  const append = httpLedger('http://ledger.test/', {
    log: (event, fields) => lines.push(`${event} ${JSON.stringify(fields)}`),
    fetch: async (url, init) => {
      posted.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      return answer();
    },
  });
  return { append, posted, lines };
}

describe('the ledger client of vouch serve (--ledger)', () => {
  it('Given a node that appends, when a receipt is sent, then it posts the receipt record to /entries and returns the inclusion proof', async () => {
    const { append, posted } = ledgerAnswering(() =>
      Response.json(
        { coreKey: FAKE_INCLUSION.coreKey, index: 4, inclusion: FAKE_INCLUSION },
        { status: 201 },
      ),
    );
    expect(await append({ receipt, opening })).toEqual({ ok: true, inclusion: FAKE_INCLUSION });
    expect(posted).toEqual([
      {
        url: 'http://ledger.test/entries',
        body: expect.objectContaining({ type: 'vouch-receipt-record', salt: expect.any(String) }),
      },
    ]);
  });

  it.each([
    ['refuses a replay', () => Response.json({ error: 'replayed' }, { status: 409 }), 'replayed'],
    ['answers 201 without a proof', () => Response.json({}, { status: 201 }), 'http-201'],
    ['is down', () => Promise.reject(new Error('ECONNREFUSED')), 'unreachable'],
  ])(
    'Given a node that %s, when a receipt is sent, then no proof, and the reason is logged',
    async (_, answer, reason) => {
      const { append, lines } = ledgerAnswering(answer);
      expect(await append({ receipt, opening })).toEqual({ ok: false, reason });
      expect(lines.join('\n')).toContain(reason);
    },
  );
});
