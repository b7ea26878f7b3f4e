/**
 * Calling a `vouch serve` admin API from the CLI (docs/server.md "Admin API"): the bearer token
 * from VOUCH_ADMIN_TOKEN, JSON in and out, a timeout and a cap on what is read back. Failures are
 * one line that never holds the token.
 */
import { CommandFailure, UsageError } from '../command.ts';
import type { FlagSpec } from '../command.ts';

const TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 1024 * 1024;

export interface AdminCall {
  readonly server: string;
  readonly token: string | undefined;
  /** For usage errors: the command whose --help to suggest. */
  readonly command: readonly string[];
}

/** The server's base URL from --server (exit 2 when it is not an http(s) URL). */
export function serverUrl(text: string, command: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--server: expected an http(s) URL, got ${JSON.stringify(text)}`, command);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '') {
    throw new UsageError('--server: expected an http(s) URL without query or fragment', command);
  }
  return text.replace(/\/+$/, '');
}

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new CommandFailure(`the server's answer is larger than ${MAX_ANSWER_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const oneLine = (text: string) =>
  [...text]
    .map((char) => (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? ' ' : char))
    .join('')
    .trim()
    .slice(0, 300);

/** Sends one admin request; returns the JSON object of a 2xx answer, throws CommandFailure else. */
export async function callAdmin(
  call: AdminCall,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const base = serverUrl(call.server, call.command);
  if (call.token === undefined || call.token === '') {
    throw new UsageError(
      'VOUCH_ADMIN_TOKEN is not set (the server printed it at first start)',
      call.command,
    );
  }
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${call.token}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError' ? 'no answer within 30 s' : 'cannot connect';
    throw new CommandFailure(`${base}: ${reason}`);
  }
  const text = await readCapped(response);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const object =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  if (response.status === 401) {
    throw new CommandFailure(`${base}: the server refused the admin token (VOUCH_ADMIN_TOKEN)`);
  }
  if (!response.ok) {
    const description =
      typeof object?.error_description === 'string' ? `: ${oneLine(object.error_description)}` : '';
    throw new CommandFailure(`${base}: HTTP ${response.status}${description}`);
  }
  if (object === undefined) throw new CommandFailure(`${base}: the answer is not a JSON object`);
  return object;
}

export async function revokeAtServer(opts: {
  server: string;
  index: number;
  list: string | undefined;
  token: string | undefined;
  command: readonly string[];
}): Promise<{ list: string; changed: boolean }> {
  const answer = await callAdmin(opts, 'POST', '/admin/status/revoke', {
    index: opts.index,
    ...(opts.list === undefined ? {} : { list: opts.list }),
  });
  if (typeof answer.list !== 'string' || answer.index !== opts.index || answer.status !== 1) {
    throw new CommandFailure(
      `${serverUrl(opts.server, opts.command)}: unexpected answer to revoke`,
    );
  }
  return { list: answer.list, changed: answer.changed !== false };
}

/** `--server <url>`, the vouch serve a command talks to (offer, request, result). */
export const SERVER_FLAG: FlagSpec = {
  name: 'server',
  kind: 'string',
  valueName: 'url',
  required: true,
  description: 'The vouch serve (its public URL).',
};
