/**
 * Imported first by every page (src/app/main.tsx). zod compiles fast object parsers with
 * `new Function`, after probing whether it may; under our Content-Security-Policy (no
 * 'unsafe-eval', docs/security.md) that probe is a reported violation. Jitless parsing is the
 * same parsing, without eval.
 */
import { z } from 'zod';

z.config({ jitless: true });
