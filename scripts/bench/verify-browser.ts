/**
 * `npm run bench -- verify-browser` (issue 12 goal 4): Vouch's verification of a typical SD-JWT VC
 * presentation in Debian's Chromium, against the cryptographic floor measured in the same page and
 * run. Goal: at most 1.3× the floor.
 *
 * The presentation: an income statement from an ES256 issuer (did:key, on the desk's trust list),
 * 3 of its 8 claims disclosed, with a key binding JWT signed ES256K by the holder's credential key
 * (what a Vouch wallet sends), no status reference. Vouch verifies it as the verifier desk does:
 * `verifyPresentation` with the desk's one long-lived `webJwsCrypto()` (src/app/composition.ts),
 * trust list, audience, nonce and clock; every verdict must be valid.
 *
 * The floor is the bare signature verifications that presentation needs, with the same primitives
 * Vouch uses: the issuer's ES256 signature with WebCrypto (`crypto.subtle.verify`, key imported
 * beforehand, as Vouch's import cache holds it for a desk that sees the issuer again) and the
 * holder's ES256K signature with @noble/curves (`secp256k1.verify`, prehashed, from the 65-byte
 * public key; secp256k1 has no WebCrypto). Input bytes are prepared outside the timing.
 *
 * A second floor does both at once (WebCrypto's ES256 started, noble's ES256K run meanwhile, then
 * the ES256 result awaited), shown for comparison: in Chromium it is barely faster, since
 * WebCrypto's verification costs main-thread time too.
 *
 * Measurement: ROUNDS rounds; in each one a batch of BATCH verifications of each (Vouch, floor,
 * both-at-once floor), in a fresh random order, so all three see the same machine; the figure is
 * the median over rounds of (Vouch's batch time / the floor's), with the quartiles as spread. The
 * page is cross-origin isolated (COOP + COEP), so performance.now() has 5 µs resolution.
 *
 * `VOUCH_BENCH_PROFILE=1` also records a CPU profile of Vouch's verifications (Chrome DevTools
 * protocol) and prints the functions with the most self and total time; with
 * `VOUCH_BENCH_PROFILE_FN=<function>` also the callees of that function.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import playwrightConfig, { chromiumPath } from '../../playwright.config.ts';
import { decodeBase64Url } from '../../src/core/encoding/base64url.ts';
import { samplePresentation } from '../../src/core/transport/sample-payloads.fake.ts';
import { quantile } from './lib/stats.ts';
import type { BenchRow, BenchSectionRunner } from './types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ORIGIN = 'https://verify-bench.vouch.invalid';
const ROUNDS = Number(process.env.VOUCH_BENCH_ROUNDS ?? 151);
const BATCH = Number(process.env.VOUCH_BENCH_BATCH ?? 5);
const GOAL = 1.3;

/** What the page exposes as `globalThis.vouchVerifyBench` (see PAGE_SOURCE). */
interface PageInput {
  presentation: string;
  audience: string;
  nonce: string;
  now: string;
  issuerDid: string;
  vct: string;
}
interface PageRounds {
  vouch: number[];
  floor: number[];
  together: number[];
}

/** The page's script, bundled by esbuild from the repository's own sources. */
const PAGE_SOURCE = `
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { verifyPresentation } from './src/core/verification/index.ts';
import { webJwsCrypto } from './src/platform/crypto/jws-crypto.ts';
import { decodeBase64Url } from './src/core/encoding/base64url.ts';
import { resolveDidKey } from './src/core/did/did-key.ts';

const bytes = (text) => {
  const decoded = decodeBase64Url(text);
  if (!decoded.ok) throw new Error('bad base64url');
  return decoded.value;
};
const ascii = (text) => new TextEncoder().encode(text);

let vouchOnce;
let floorOnce;
let togetherOnce;

globalThis.vouchVerifyBench = {
  async setup(input) {
    const crypto = webJwsCrypto();
    const options = {
      crypto,
      now: new Date(input.now),
      audience: input.audience,
      nonce: input.nonce,
      trustLists: [{ issuer: 'did:key:bench-desk', name: 'bench', iat: 0, entries: [
        { did: input.issuerDid, name: 'Bakkerij de Vries B.V.', vct: [input.vct] },
      ] }],
      requiredClaims: ['period', 'net_wage_cents'],
    };
    vouchOnce = async () => {
      const result = await verifyPresentation(input.presentation, options);
      if (!result.valid) throw new Error('not valid: ' + JSON.stringify(result.checks));
    };

    // The floor: the two signatures, with the primitives Vouch uses, on bytes prepared here.
    const parts = input.presentation.split('~');
    const [ih, ip, is] = parts[0].split('.');
    const [kh, kp, ks] = parts[parts.length - 1].split('.');
    const issuerJwk = resolveDidKey(input.issuerDid);
    if (!issuerJwk.ok) throw new Error('issuer key');
    const issuerKey = await globalThis.crypto.subtle.importKey(
      'jwk', issuerJwk.value, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const payload = JSON.parse(new TextDecoder().decode(bytes(ip)));
    const holder = new Uint8Array(65);
    holder[0] = 4;
    holder.set(bytes(payload.cnf.jwk.x), 1);
    holder.set(bytes(payload.cnf.jwk.y), 33);
    const issuerInput = ascii(ih + '.' + ip);
    const issuerSignature = bytes(is);
    const kbInput = ascii(kh + '.' + kp);
    const kbSignature = bytes(ks);
    const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };
    const holderOptions = { prehash: true, lowS: false, format: 'compact' };
    // One after the other, as the pipeline needs them…
    floorOnce = async () => {
      const issuerOk = await globalThis.crypto.subtle.verify(ecdsa, issuerKey, issuerSignature, issuerInput);
      const holderOk = secp256k1.verify(kbSignature, kbInput, holder, holderOptions);
      if (!issuerOk || !holderOk) throw new Error('floor: a signature did not verify');
    };
    // …and at once: WebCrypto checks the issuer's signature while noble checks the holder's.
    togetherOnce = async () => {
      const issuerPending = globalThis.crypto.subtle.verify(ecdsa, issuerKey, issuerSignature, issuerInput);
      const holderOk = secp256k1.verify(kbSignature, kbInput, holder, holderOptions);
      if (!(await issuerPending) || !holderOk) throw new Error('floor: a signature did not verify');
    };
    // Warm up both (JIT, the key import cache, noble's precomputed tables).
    for (let i = 0; i < 30; i += 1) { await vouchOnce(); await floorOnce(); await togetherOnce(); }
    return { secure: globalThis.isSecureContext, isolated: globalThis.crossOriginIsolated };
  },

  async batch(which, count) {
    const once = which === 'vouch' ? vouchOnce : which === 'floor' ? floorOnce : togetherOnce;
    const start = performance.now();
    for (let i = 0; i < count; i += 1) await once();
    return (performance.now() - start) / count;
  },

  /** Per round, one batch of each in random order; per-op milliseconds of each batch. */
  async rounds(rounds, count) {
    const out = { vouch: [], floor: [], together: [] };
    for (let r = 0; r < rounds; r += 1) {
      const order = ['vouch', 'floor', 'together'].sort(() => Math.random() - 0.5);
      for (const which of order) out[which].push(await this.batch(which, count));
    }
    return out;
  },
};
`;

async function pageScript(): Promise<string> {
  const bundled = await build({
    stdin: { contents: PAGE_SOURCE, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-page.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Minified as the app's build is; readable function names when profiling.
    minify: process.env.VOUCH_BENCH_PROFILE !== '1',
    write: false,
    logLevel: 'silent',
  });
  return bundled.outputFiles[0]?.text ?? '';
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self and total (inclusive) time per function name, from a CDP profile: the top `count` of each. */
function profileSummary(
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] },
  count: number,
): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (id: number) => byId.get(id)?.callFrame.functionName || '(anonymous)';
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    all += micros;
    self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + micros);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(at);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + micros);
    }
  });
  const top = (map: Map<string, number>, label: string) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `${label} ${((micros / all) * 100).toFixed(1)}%  ${name}`);
  // Under one function (VOUCH_BENCH_PROFILE_FN): the time of each of its callees, inclusive.
  const focus = process.env.VOUCH_BENCH_PROFILE_FN;
  const under = new Map<string, number>();
  if (focus !== undefined) {
    profile.samples.forEach((id, index) => {
      const chain: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
        chain.push(nameOf(at));
      const i = chain.indexOf(focus);
      if (i > 0) {
        const callee = chain[i - 1] as string;
        under.set(callee, (under.get(callee) ?? 0) + (profile.timeDeltas[index] ?? 0));
      }
    });
  }
  return [...top(self, 'self'), ...top(total, 'total'), ...top(under, `under ${focus}:`)];
}

export const run: BenchSectionRunner = async () => {
  const presentation = await samplePresentation({ status: undefined });
  const parts = presentation.split('~');
  const decodeJson = (segment: string) => {
    const decoded = decodeBase64Url(segment);
    if (!decoded.ok) throw new Error('sample presentation: bad base64url');
    return JSON.parse(new TextDecoder().decode(decoded.value)) as Record<string, unknown>;
  };
  const issuerPayload = decodeJson(parts[0]?.split('.')[1] ?? '');
  const kbPayload = decodeJson(parts[parts.length - 1]?.split('.')[1] ?? '');
  const input: PageInput = {
    presentation,
    audience: String(kbPayload.aud),
    nonce: String(kbPayload.nonce),
    now: new Date(((kbPayload.iat as number) + 30) * 1000).toISOString(),
    issuerDid: String(issuerPayload.iss),
    vct: String(issuerPayload.vct),
  };

  const script = await pageScript();
  const args = playwrightConfig.use?.launchOptions?.args ?? [];
  const browser = await chromium.launch({ executablePath: chromiumPath, args });
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        },
        body: `<!doctype html><meta charset="utf-8"><title>verify bench</title><script>${script}</script>`,
      }),
    );
    await page.goto(`${ORIGIN}/`);
    const setup = await page.evaluate(
      (data) =>
        (
          globalThis as unknown as {
            vouchVerifyBench: {
              setup(input: PageInput): Promise<{ secure: boolean; isolated: boolean }>;
            };
          }
        ).vouchVerifyBench.setup(data),
      input,
    );
    if (!setup.secure) throw new Error('the bench page is not a secure context (no WebCrypto)');
    if (!setup.isolated)
      throw new Error('the bench page is not cross-origin isolated (coarse timer)');
    const version = browser.version();

    const notes: string[] = [];
    if (process.env.VOUCH_BENCH_PROFILE === '1') {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.evaluate(
        (count) =>
          (
            globalThis as unknown as {
              vouchVerifyBench: { batch(which: string, count: number): Promise<number> };
            }
          ).vouchVerifyBench.batch('vouch', count),
        2000,
      );
      const { profile } = await cdp.send('Profiler.stop');
      for (const line of profileSummary(profile as Parameters<typeof profileSummary>[0], 40)) {
        console.log(`profile: ${line}`);
      }
    }

    const rounds = await page.evaluate(
      ([count, batch]) =>
        (
          globalThis as unknown as {
            vouchVerifyBench: { rounds(rounds: number, count: number): Promise<PageRounds> };
          }
        ).vouchVerifyBench.rounds(count, batch),
      [ROUNDS, BATCH] as const,
    );
    const perRound = (of: number[], to: number[]) =>
      of.map((value, i) => value / (to[i] as number));
    const toFloor = perRound(rounds.vouch, rounds.floor);
    const toTogether = perRound(rounds.vouch, rounds.together);
    const ratio = quantile(toFloor, 0.5);
    const spread = (ratios: number[]) =>
      `quartiles ${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}×`;
    const rows: BenchRow[] = [
      {
        name: 'floor: ES256 (WebCrypto), then ES256K (noble)',
        value: quantile(rounds.floor, 0.5),
        unit: 'ms',
        ratio: 1,
      },
      {
        name: 'floor, both at once (ES256 off the main thread)',
        value: quantile(rounds.together, 0.5),
        unit: 'ms',
        ratio: quantile(perRound(rounds.together, rounds.floor), 0.5),
      },
      {
        name: 'Vouch verifyPresentation (SD-JWT VC + KB-JWT)',
        value: quantile(rounds.vouch, 0.5),
        unit: 'ms',
        ratio,
        goal: `≤ ${GOAL}×`,
        pass: ratio <= GOAL,
      },
      {
        name: 'Vouch ÷ the both-at-once floor',
        value: quantile(toTogether, 0.5),
        unit: '×',
      },
    ];
    notes.push(
      `Chromium ${version}; ratios are medians over ${ROUNDS} rounds (a batch of ${BATCH} verifications of each, in random order) of each round's own ratio`,
      `Vouch ÷ floor: ${spread(toFloor)}; Vouch ÷ both-at-once floor: ${spread(toTogether)}`,
      `lowest decile of each (least disturbed by other processes): Vouch ${quantile(rounds.vouch, 0.1).toFixed(3)} ms, floor ${quantile(rounds.floor, 0.1).toFixed(3)} ms, ${(quantile(rounds.vouch, 0.1) / quantile(rounds.floor, 0.1)).toFixed(2)}×`,
    );
    return {
      id: 'verify-browser',
      title: 'Verify in Chromium',
      baseline: 'the bare signature verifications the presentation needs, same page, same run',
      rows,
      notes,
    };
  } finally {
    await browser.close();
  }
};
