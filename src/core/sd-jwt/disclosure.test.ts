import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import cases from './disclosure.cases.json' with { type: 'json' };
import { createDisclosure, digestDisclosure, parseDisclosure } from './disclosure.ts';

describe('disclosures (RFC 9901 §4.2)', () => {
  it.each(cases.vectors)(
    'Given the $title vector, when digested and parsed, then the RFC values come back',
    (vector) => {
      expect(digestDisclosure(vector.disclosure)).toBe(vector.digest);
      const parsed = parseDisclosure(vector.disclosure, 0);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.salt).toBe(vector.salt);
      expect(parsed.value.name).toBe(vector.claimName);
      expect(parsed.value.value).toBe(vector.value);
      expect(parsed.value.digest).toBe(vector.digest);
    },
  );

  it('Given a claim, when a disclosure is created and parsed, then it round-trips with the same digest', () => {
    const created = createDisclosure({ salt: 'c2FsdA', name: 'employee_name', value: 'Zoë Ünal' });
    const parsed = parseDisclosure(created.encoded, 0);
    expect(parsed).toMatchObject({
      ok: true,
      value: { name: 'employee_name', value: 'Zoë Ünal', digest: created.digest },
    });
  });

  it.each(cases.refused)(
    'Given a disclosure that is $name, when parsed, then bad-disclosure',
    (input) => {
      const encoded = input.disclosure ?? encodeBase64Url(utf8ToBytes(input.json ?? ''));
      const result = parseDisclosure(encoded, 2);
      expect(result).toMatchObject({ ok: false, reason: 'bad-disclosure' });
      if (!result.ok) expect(result.detail.message).toContain('disclosure 3');
    },
  );

  it('Given a reserved claim name, when creating a disclosure, then it throws (a bug)', () => {
    expect(() => createDisclosure({ salt: 's', name: '_sd', value: 1 })).toThrow(/reserved/);
  });
});
