/**
 * Raw DEFLATE (RFC 1951) with a preset dictionary for many small inputs, on one zlib stream that
 * is reset between inputs instead of a new one each time (`deflateRawSync` builds a stream object,
 * allocates zlib's window and tables, then frees them, for every call: for a 600-byte offer that
 * set-up is most of the cost). `reset()` is zlib's deflateReset plus the dictionary again, so each
 * body is exactly what `deflateRawSync` gives with the same options.
 *
 * Node has no public call for one synchronous step on a kept stream, so this drives the stream's
 * handle (`_handle.writeSync`, `_writeState`, `_handle.reset`: what `deflateRawSync` itself runs
 * on). To stay honest if a Node version changes those, the deflater checks itself when it is made:
 * sample inputs must give `deflateRawSync`'s bytes, else `createRawDeflater` returns the plain
 * `deflateRawSync` path.
 */
import { constants, deflateRawSync, DeflateRaw } from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';

/** Raw DEFLATE of `bytes`; `kept` says whether it runs on a kept stream or deflateRawSync. */
export type RawDeflater = ((bytes: Uint8Array) => Uint8Array) & { readonly kept: boolean };

type Deflate = (bytes: Uint8Array) => Uint8Array;

interface ZlibHandle {
  writeSync(
    flush: number,
    input: Uint8Array,
    inOffset: number,
    inLength: number,
    output: Uint8Array,
    outOffset: number,
    outLength: number,
  ): void;
  reset(): void;
}

/** Output room: a body longer than this goes through deflateRawSync (the plain path). */
const OUTPUT_BYTES = 16 * 1024;

export function createRawDeflater(
  dictionary: Uint8Array,
  opts: Omit<ZlibOptions, 'dictionary'> = {},
): RawDeflater {
  const plain: Deflate = (bytes) => deflateRawSync(bytes, { ...opts, dictionary });
  const plainDeflater = Object.assign(plain, { kept: false });
  let kept: Deflate;
  try {
    kept = keptStream(dictionary, opts, plain);
  } catch {
    return plainDeflater;
  }
  // The self-check: a few inputs (empty, text, one that refers to the dictionary, incompressible
  // bytes) must come out as deflateRawSync's bytes.
  const samples = [
    new Uint8Array(0),
    new TextEncoder().encode('{"type":"sample","v":1,"text":"sample sample sample"}'),
    dictionary.subarray(Math.max(0, dictionary.length - 300)),
    Uint8Array.from({ length: 700 }, (_, i) => (i * 2654435761) >>> 24),
  ];
  for (const sample of samples) {
    const a = kept(sample);
    const b = plain(sample);
    if (a.length !== b.length || !a.every((byte, i) => byte === b[i])) return plainDeflater;
  }
  return Object.assign(kept, { kept: true });
}

function keptStream(
  dictionary: Uint8Array,
  opts: Omit<ZlibOptions, 'dictionary'>,
  plain: Deflate,
): Deflate {
  const stream = new DeflateRaw({ ...opts, dictionary }) as unknown as {
    _handle?: ZlibHandle;
    _writeState?: Uint32Array;
    destroyed: boolean;
    on(event: 'error', listener: () => void): void;
  };
  // zlib reports an error by destroying the stream (synchronously) and emitting 'error' later:
  // from then on every input takes the plain path.
  stream.on('error', () => undefined);
  const handle = stream._handle;
  const state = stream._writeState;
  if (!handle || typeof handle.writeSync !== 'function' || typeof handle.reset !== 'function') {
    throw new Error('no zlib handle');
  }
  if (!(state instanceof Uint32Array)) throw new Error('no zlib write state');
  const output = new Uint8Array(OUTPUT_BYTES);
  return (bytes) => {
    if (stream.destroyed) return plain(bytes);
    handle.writeSync(constants.Z_FINISH, bytes, 0, bytes.length, output, 0, output.length);
    const [availOut = 0, availIn = 0] = state;
    if (stream.destroyed) return plain(bytes);
    handle.reset();
    // Not all input taken or no room left: the body may be cut; the plain path makes it whole.
    if (availIn !== 0 || availOut === 0) return plain(bytes);
    return output.slice(0, output.length - availOut);
  };
}
