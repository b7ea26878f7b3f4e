import { describe, expect, it } from 'vitest';

describe('zod without eval', () => {
  it('Given zod-jitless.ts ran before zod loaded, when zod is loaded, then zod parses jitless', async () => {
    await import('./zod-jitless.ts');
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
    expect(z.object({ a: z.number() }).parse({ a: 1 })).toEqual({ a: 1 });
  });
});
