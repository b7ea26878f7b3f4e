/**
 * The ledger node's small HTTP API (beside its TCP replication port):
 *
 *   GET  /status                       this node's core, the cores it replicates, peers, events
 *   POST /entries                      body: a vouch-receipt-record (or a bare vouch-receipt
 *                                      between two known organisations) → 201 {coreKey, index,
 *                                      inclusion} | 409 replayed | 422 refused (error + message)
 *   GET  /proof?commitment=<hex>       → {entry (base64url binary receipt), inclusion} | 404
 *   GET  /events                       fork, invalid-entry and replayed-entry events
 *
 * CORS is open (the desks post from the browser); the node's rules decide what is appended.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { encodeBase64Url } from '../core/encoding/base64url.ts';
import { parseReceiptFile, receiptId } from '../core/evidence/index.ts';
import type { LedgerNode } from './ledger-node.ts';

export const MAX_ENTRY_BODY = 64 * 1024;

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  response.end(`${JSON.stringify(body)}\n`);
}

/** The body as text, or undefined when it is over MAX_ENTRY_BODY (read on to answer 413). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ENTRY_BODY * 16) request.destroy();
      else if (size <= MAX_ENTRY_BODY) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > MAX_ENTRY_BODY ? undefined : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}

async function handle(
  node: LedgerNode,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://ledger.invalid');
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    });
    response.end();
    return;
  }
  if (request.method === 'GET' && url.pathname === '/status') {
    send(response, 200, node.status());
    return;
  }
  if (request.method === 'GET' && url.pathname === '/events') {
    send(response, 200, { events: node.events });
    return;
  }
  if (request.method === 'GET' && url.pathname === '/proof') {
    const commitment = url.searchParams.get('commitment') ?? '';
    if (!/^[0-9a-f]{64,128}$/.test(commitment)) {
      send(response, 400, { error: 'bad-request', message: 'commitment: expected lowercase hex' });
      return;
    }
    const found = await node.proofOf(commitment);
    if (!found) {
      send(response, 404, { error: 'not-found', message: 'no entry with this commitment' });
      return;
    }
    send(response, 200, { entry: encodeBase64Url(found.entry), inclusion: found.inclusion });
    return;
  }
  if (request.method === 'POST' && url.pathname === '/entries') {
    const text = await readBody(request);
    if (text === undefined) {
      send(response, 413, { error: 'too-large', message: `more than ${MAX_ENTRY_BODY} bytes` });
      return;
    }
    const parsed = parseReceiptFile(text);
    if (!parsed.ok) {
      send(response, 400, { error: parsed.reason, message: parsed.detail.message });
      return;
    }
    const appended = await node.append({
      receipt: parsed.value.receipt,
      ...(parsed.value.opening ? { opening: parsed.value.opening } : {}),
    });
    if (!appended.ok) {
      send(response, appended.reason === 'replayed' ? 409 : 422, {
        error: appended.reason,
        message: appended.detail.message,
      });
      return;
    }
    const proof = await node.proofOf(receiptId(parsed.value.receipt));
    send(response, 201, { ...appended.value, inclusion: proof?.inclusion });
    return;
  }
  send(response, 404, { error: 'not-found', message: `${request.method} ${url.pathname}` });
}

export function ledgerHttpServer(node: LedgerNode): Server {
  return createServer((request, response) => {
    handle(node, request, response).catch((error: Error) => {
      if (!response.headersSent) send(response, 500, { error: 'internal', message: error.message });
    });
  });
}
