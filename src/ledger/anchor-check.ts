/**
 * Is a receipt anchored in a ledger? Against a cold copy of a node's data dir (copied first, then
 * opened read-only, so the original is never touched) or against a running node's HTTP API.
 * Either way the answer is an inclusion proof checked with nothing but the proof, the receipt's
 * bytes and the core's key (inclusion-proof.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Corestore from 'corestore';
import type Hypercore from 'hypercore';
import { z } from 'zod';
import { decodeBase64Url } from '../core/encoding/base64url.ts';
import { bytesToHex, hexToBytes } from '../core/encoding/hex.ts';
import {
  decodeReanchor,
  encodeReceipt,
  isReanchorEntry,
  receiptId,
} from '../core/evidence/index.ts';
import type { InclusionProof, Receipt, ReceiptCheck } from '../core/evidence/index.ts';
import { makeInclusionProof, verifyInclusionProof } from './inclusion-proof.ts';
import { LEDGER_STATE_FILE } from './ledger-node.ts';
import { reanchorProblemOn } from './reanchor-check.ts';
import type { ReanchorSearch } from './reanchor-check.ts';

const check = (code: ReceiptCheck['code'], message: string): ReceiptCheck => ({
  name: 'ledger',
  ok: code === 'ok' || code === 'skipped',
  code,
  message,
});

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

async function findEntry(
  cores: readonly Hypercore[],
  entry: Uint8Array,
  hint?: InclusionProof,
): Promise<{ core: Hypercore; index: number } | undefined> {
  if (hint) {
    const core = cores.find((c) => bytesToHex(c.key) === hint.coreKey);
    const block =
      core && hint.index < core.length ? await core.get(hint.index, { wait: false }) : null;
    if (core && block && equal(block, entry)) return { core, index: hint.index };
  }
  for (const core of cores) {
    for (let index = 0; index < core.length; index++) {
      const block = await core.get(index, { wait: false });
      if (block && equal(block, entry)) return { core, index };
    }
  }
  return undefined;
}

/**
 * A re-anchor entry on `core` (after `index`) that covers entry `index` under allowed algorithms
 * and checks out against the copy: its signature, its commitment over the covered entries' bytes,
 * the core's tree hash at its end, and its own inclusion proof. `ok: false` names why none does.
 */
async function findReanchor(
  core: Hypercore,
  index: number,
  search: ReanchorSearch,
): Promise<{ ok: true; message: string } | { ok: false; message: string }> {
  const coreKey = bytesToHex(core.key);
  let problem = `no re-anchor entry under ${search.allowedHashAlgorithms.join(', ') || 'an allowed hash'} covers entry ${index} of core ${coreKey}`;
  for (let at = index + 1; at < core.length; at++) {
    const block = await core.get(at, { wait: false });
    if (!block || !isReanchorEntry(block)) continue;
    const decoded = decodeReanchor(block);
    if (!decoded.ok) {
      problem = `re-anchor entry ${at}: ${decoded.detail.message}`;
      continue;
    }
    const reanchor = decoded.value;
    if (bytesToHex(reanchor.coreKey) !== coreKey || index < reanchor.start || index >= reanchor.end)
      continue;
    if (reanchor.end > at) {
      problem = `re-anchor entry ${at} claims entries after itself`;
      continue;
    }
    const wrong = await reanchorProblemOn(core, reanchor, search);
    if (wrong) {
      problem = `re-anchor entry ${at}: ${wrong}`;
      continue;
    }
    const proof = verifyInclusionProof({ proof: await makeInclusionProof(core, at), entry: block });
    if (!proof.ok) {
      problem = `re-anchor entry ${at}: ${proof.detail.message}`;
      continue;
    }
    return {
      ok: true,
      message: `entry ${index} is covered by re-anchor entry ${at} of core ${coreKey} (entries ${reanchor.start}–${reanchor.end - 1}, ${reanchor.hashAlg}, signed ${reanchor.signer.alg} on ${new Date(reanchor.time).toISOString()})`,
    };
  }
  return { ok: false, message: problem };
}

/** Checks the receipt against a copy of a ledger node's data dir (`vouch ledger serve --data`). */
export async function checkAnchorInDir(options: {
  dir: string;
  receipt: Receipt;
  inclusion?: InclusionProof;
}): Promise<ReceiptCheck> {
  return (await checkAnchorAndReanchorInDir(options)).ledger;
}

/**
 * As checkAnchorInDir, and with `reanchor`, also looks for a re-anchor entry that covers the
 * receipt under the algorithms still allowed (when the receipt's own are withdrawn).
 */
export async function checkAnchorAndReanchorInDir(options: {
  dir: string;
  receipt: Receipt;
  inclusion?: InclusionProof;
  reanchor?: ReanchorSearch;
}): Promise<{
  ledger: ReceiptCheck;
  reanchor?: { ok: boolean; message: string };
}> {
  let state: { own: string; cores: string[] };
  try {
    state = JSON.parse(readFileSync(join(options.dir, LEDGER_STATE_FILE), 'utf8')) as typeof state;
  } catch {
    return {
      ledger: check('not-anchored', `${options.dir} holds no ledger (no ${LEDGER_STATE_FILE})`),
    };
  }
  const copy = mkdtempSync(join(tmpdir(), 'vouch-ledger-cold-'));
  let store: Corestore | undefined;
  try {
    cpSync(join(options.dir, 'corestore'), join(copy, 'corestore'), { recursive: true });
    store = new Corestore(join(copy, 'corestore'), { readOnly: true });
    const cores: Hypercore[] = [];
    for (const key of [state.own, ...(state.cores ?? [])]) {
      const bytes = hexToBytes(key);
      if (!bytes.ok) continue;
      const core = store.get({ key: bytes.value });
      await core.ready();
      cores.push(core);
    }
    const entry = encodeReceipt(options.receipt);
    const found = await findEntry(cores, entry, options.inclusion);
    if (!found) {
      return { ledger: check('not-anchored', 'the receipt is on no core of this ledger copy') };
    }
    const proof = await makeInclusionProof(found.core, found.index);
    const verified = verifyInclusionProof({ proof, entry });
    if (!verified.ok) return { ledger: check('bad-proof', verified.detail.message) };
    const earlier = options.inclusion;
    if (
      earlier &&
      earlier.coreKey === proof.coreKey &&
      earlier.fork === proof.fork &&
      earlier.length <= found.core.length &&
      bytesToHex(await found.core.treeHash(earlier.length)) !== earlier.treeHash
    ) {
      return {
        ledger: check(
          'fork-detected',
          `core ${proof.coreKey} signed another tree of length ${earlier.length} than the one in the receipt's proof`,
        ),
      };
    }
    const ledger = check(
      'ok',
      `entry ${found.index} of core ${proof.coreKey}, in its signed tree of ${proof.length} entries (cold copy of ${options.dir})`,
    );
    return options.reanchor
      ? { ledger, reanchor: await findReanchor(found.core, found.index, options.reanchor) }
      : { ledger };
  } catch (error) {
    return {
      ledger: check('bad-proof', `the ledger copy could not be read: ${(error as Error).message}`),
    };
  } finally {
    await store?.close().catch(() => undefined);
    rmSync(copy, { recursive: true, force: true });
  }
}

const proofResponseSchema = z.object({ entry: z.string(), inclusion: z.unknown() });

/** Checks the receipt against a running node: GET <url>/proof?commitment=<hex>. */
export async function checkAnchorAtUrl(options: {
  url: string;
  receipt: Receipt;
  inclusion?: InclusionProof;
  fetch?: typeof fetch;
}): Promise<ReceiptCheck> {
  const doFetch = options.fetch ?? fetch;
  const address = new URL('proof', options.url.endsWith('/') ? options.url : `${options.url}/`);
  address.searchParams.set('commitment', receiptId(options.receipt));
  let body: unknown;
  try {
    const response = await doFetch(address, { headers: { accept: 'application/json' } });
    if (response.status === 404)
      return check('not-anchored', `${options.url} does not hold the receipt`);
    if (!response.ok) return check('not-anchored', `${options.url} answered ${response.status}`);
    body = await response.json();
  } catch (error) {
    return check('not-anchored', `${options.url} could not be asked: ${(error as Error).message}`);
  }
  const parsed = proofResponseSchema.safeParse(body);
  const entry = parsed.success ? decodeBase64Url(parsed.data.entry) : undefined;
  if (!parsed.success || !entry?.ok) return check('bad-proof', 'the ledger sent no proof');
  const own = encodeReceipt(options.receipt);
  if (!equal(entry.value, own)) return check('entry-mismatch', 'the ledger holds another entry');
  const verified = verifyInclusionProof({ proof: parsed.data.inclusion, entry: own });
  if (!verified.ok)
    return check(
      verified.reason === 'entry-mismatch' ? 'entry-mismatch' : 'bad-proof',
      verified.detail.message,
    );
  const earlier = options.inclusion;
  if (
    earlier &&
    earlier.coreKey === verified.value.coreKey &&
    earlier.fork === verified.value.fork &&
    earlier.length === verified.value.length &&
    earlier.treeHash !== verified.value.treeHash
  ) {
    return check(
      'fork-detected',
      `core ${earlier.coreKey} signed two trees of length ${earlier.length}`,
    );
  }
  return check(
    'ok',
    `entry ${verified.value.index} of core ${verified.value.coreKey}, in its signed tree of ${verified.value.length} entries (${options.url})`,
  );
}
