/**
 * Imported first by every page (src/app/main.tsx). zod compiles fast object parsers with
 * `new Function`, after probing whether it may; under our Content-Security-Policy (no
 * 'unsafe-eval', docs/security.md) that probe is a reported violation. Jitless parsing is the
 * same parsing, without eval.
 *
 * zod keeps its settings on `globalThis.__zod_globalConfig` (zod/v4/core/core.js: every copy of
 * zod shares them) and takes an object found there. Setting it here, rather than calling
 * `z.config`, keeps zod itself off the first screen (issue 12): it loads with the code that
 * parses. zod-jitless.test.ts checks that zod reads it.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};
