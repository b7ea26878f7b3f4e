/**
 * The linkability check of issue 13 item 2, for tests: what two presentations share. Two copies of
 * one credential shown to two verifiers must share no substring of `min` (12) characters or more
 * apart from the disclosed claim values, `vct` and the issuer's identifier (`allowed`): that rules
 * out a shared signature, `cnf`, digest, salt or status index.
 *
 * Two views, both must come back empty:
 * 1. Decoded: every JWT payload (and the KB-JWT's header), every disclosure, into leaf values (the
 *    JSON strings and numbers; member names and disclosure claim names are the format, the same in
 *    every credential of a type), plus every signature as it is. A shared run of `min` characters
 *    inside one leaf that is not inside an allowed value is reported.
 * 2. Raw: the compact strings themselves, minus the issuer-signed JWT's header segment (it holds
 *    only alg/typ/kid: the issuer's identity). A shared run in a signature is reported; a shared run
 *    in a base64url JSON segment is reported when the bytes it covers hold `min` or more bytes in a
 *    row that are neither JSON syntax, nor a member or claim name, nor inside an allowed value. So
 *    nothing slips through the decoding.
 */
import { decodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';

/** Every shared substring that links the two presentations (empty: unlinkable by this measure). */
export function sharedSubstrings(
  a: string,
  b: string,
  allowed: readonly string[],
  min = 12,
): string[] {
  const left = partsOf(a);
  const right = partsOf(b);
  const names = new Set([...left.names, ...right.names]);
  const isAllowed = (text: string) => allowed.some((value) => value.includes(text));

  const decoded = sharedRuns(left.leaves.join('\u0000'), right.leaves.join('\u0000'), min).filter(
    (run) => !isAllowed(run),
  );

  const raw: string[] = [];
  const rawA = withoutIssuerHeader(a);
  const rawB = withoutIssuerHeader(b);
  for (const run of sharedRuns(rawA, rawB, min)) {
    const at = rawA.indexOf(run);
    if (!rawRunIsExplained(rawA, at, at + run.length, { names, isAllowed, min })) raw.push(run);
  }
  return [...new Set([...decoded, ...raw])];
}

interface Parts {
  /** Leaf values and signatures, in order. */
  readonly leaves: string[];
  /** JSON member names and disclosure claim names (the format, not the content). */
  readonly names: Set<string>;
}

function partsOf(presentation: string): Parts {
  const leaves: string[] = [];
  const names = new Set<string>();
  const pieces = presentation.split('~').filter((piece) => piece.length > 0);
  for (const [i, piece] of pieces.entries()) {
    const segments = piece.split('.');
    if (segments.length === 3) {
      const [header, payload, signature] = segments as [string, string, string];
      // The issuer-signed JWT's header is the issuer's identity (alg, typ, kid).
      if (i !== 0) collect(decodeJson(header), leaves, names);
      collect(decodeJson(payload), leaves, names);
      leaves.push(signature);
      continue;
    }
    const disclosure = decodeJson(piece);
    if (Array.isArray(disclosure) && disclosure.length === 3 && typeof disclosure[1] === 'string') {
      names.add(disclosure[1]);
      collect([disclosure[0], disclosure[2]], leaves, names);
    } else if (disclosure === undefined) leaves.push(piece);
    else collect(disclosure, leaves, names);
  }
  return { leaves, names };
}

function decodeJson(segment: string): unknown {
  const bytes = decodeBase64Url(segment);
  if (!bytes.ok) return undefined;
  const text = bytesToUtf8(bytes.value);
  if (!text.ok) return undefined;
  try {
    return JSON.parse(text.value);
  } catch {
    return undefined;
  }
}

function collect(value: unknown, leaves: string[], names: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collect(item, leaves, names);
  else if (typeof value === 'object' && value !== null) {
    for (const [name, item] of Object.entries(value)) {
      names.add(name);
      collect(item, leaves, names);
    }
  } else if (value !== undefined && value !== null) leaves.push(String(value));
}

/** Maximal stretches of `a` whose every `min`-character window also occurs in `b` (no NUL inside). */
function sharedRuns(a: string, b: string, min: number): string[] {
  const windows = new Set<string>();
  for (let i = 0; i + min <= b.length; i++) {
    const piece = b.slice(i, i + min);
    if (!piece.includes('\u0000')) windows.add(piece);
  }
  const runs: string[] = [];
  let start = -1;
  let end = -1;
  for (let i = 0; i + min <= a.length; i++) {
    if (!windows.has(a.slice(i, i + min))) continue;
    if (start >= 0 && i <= end) end = i + min;
    else {
      if (start >= 0) runs.push(a.slice(start, end));
      start = i;
      end = i + min;
    }
  }
  if (start >= 0) runs.push(a.slice(start, end));
  return runs;
}

function withoutIssuerHeader(presentation: string): string {
  const dot = presentation.indexOf('.');
  return dot < 0 ? presentation : presentation.slice(dot + 1);
}

/**
 * Whether the raw run [start, end) of `raw` is only format and allowed values: split at the
 * segment delimiters, each base64url JSON segment's covered bytes checked against its mask.
 */
function rawRunIsExplained(
  raw: string,
  start: number,
  end: number,
  context: { names: Set<string>; isAllowed: (text: string) => boolean; min: number },
): boolean {
  const delimiter = (char: string | undefined) => char === '.' || char === '~';
  let position = start;
  while (position < end) {
    let segmentStart = position;
    while (segmentStart > 0 && !delimiter(raw[segmentStart - 1])) segmentStart--;
    let segmentEnd = position;
    while (segmentEnd < raw.length && !delimiter(raw[segmentEnd])) segmentEnd++;
    const segment = raw.slice(segmentStart, segmentEnd);
    const from = position - segmentStart;
    const to = Math.min(end, segmentEnd) - segmentStart;
    if (to - from >= context.min && !pieceIsExplained(segment, from, to, context)) return false;
    position = segmentEnd + 1;
  }
  return true;
}

function pieceIsExplained(
  segment: string,
  from: number,
  to: number,
  context: { names: Set<string>; isAllowed: (text: string) => boolean; min: number },
): boolean {
  const bytes = decodeBase64Url(segment);
  if (!bytes.ok) return false;
  const decoded = bytesToUtf8(bytes.value);
  if (!decoded.ok) return false;
  const text = decoded.value;
  try {
    JSON.parse(text);
  } catch {
    return false; // a signature or other opaque bytes: any shared run links
  }
  const mask = publicMask(text, context);
  // Base64url: character c holds bits 6c … 6c+5; every byte the run touches is counted.
  const firstByte = Math.floor((from * 6) / 8);
  const lastByte = Math.min(mask.length, Math.ceil((to * 6) / 8));
  let secret = 0;
  for (let i = firstByte; i < lastByte; i++) {
    secret = mask[i] ? 0 : secret + 1;
    if (secret >= context.min) return false;
  }
  return true;
}

/** Per UTF-8 byte of a JSON text: true where it is syntax, a name, or inside an allowed value. */
function publicMask(
  text: string,
  context: { names: Set<string>; isAllowed: (text: string) => boolean },
): boolean[] {
  const mask: boolean[] = [];
  const mark = (chunk: string, isPublic: boolean) => {
    for (let n = utf8ToBytes(chunk).length; n > 0; n--) mask.push(isPublic);
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const token = text.slice(i, j + 1);
      const value = JSON.parse(token) as string;
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k] as string)) k++;
      const isName = text[k] === ':' || context.names.has(value);
      mark(token, isName || context.isAllowed(value));
      i = j + 1;
    } else if (/[-0-9a-z.+]/i.test(char)) {
      let j = i;
      while (j < text.length && /[-0-9a-z.+]/i.test(text[j] as string)) j++;
      const token = text.slice(i, j);
      mark(token, ['true', 'false', 'null'].includes(token) || context.isAllowed(token));
      i = j;
    } else {
      mark(char, true);
      i++;
    }
  }
  return mask;
}
