import { describe, expect, it } from 'vitest';
import { CHECK_CODES, CHECK_NAMES, type Check } from '../../core/verification/index.ts';
import { translate } from '../i18n/index.ts';
import type { VerifiedResponse } from '../../core/verifier/index.ts';
import { checkNameKey, checkReasonKey, failedCheckNames, formatKey } from './check-messages.ts';

const passed = (name: Check['name']): Check => ({ name, ok: true, code: 'ok', message: '' });

describe('check words on the verifier desk', () => {
  it('Given a W3C VC-JWT verdict, when its passed disclosures check is worded, then it says every field was shown (nl, fr, en)', () => {
    const check = passed('disclosures');
    expect(translate('en', checkReasonKey(check, 'jwt_vc_json'))).toBe(
      'No selective disclosure: every field was shown.',
    );
    expect(translate('nl', checkReasonKey(check, 'jwt_vc_json'))).toMatch(/elk gegeven/);
    expect(translate('fr', checkReasonKey(check, 'jwt_vc_json'))).toMatch(/chaque donnée/);
  });

  it('Given an SD-JWT VC verdict (or one from before formats were named), then the disclosures check keeps its own words', () => {
    const check = passed('disclosures');
    const sdJwt = translate('en', checkReasonKey(check, 'dc+sd-jwt'));
    expect(sdJwt).toBe('Every disclosed claim is one the issuer signed.');
    expect(translate('en', checkReasonKey(check))).toBe(sdJwt);
  });

  it('Given a failed disclosures check of a W3C VC-JWT, then its code is worded, not the pass sentence', () => {
    const check: Check = {
      name: 'disclosures',
      ok: false,
      code: 'bad-encoding',
      message: '',
    };
    expect(checkReasonKey(check, 'jwt_vc_json')).toBe('verifier.code.bad-encoding');
  });

  it('Given every check name, code and format, then each has words in every language', () => {
    const keys = [
      ...CHECK_NAMES.map(checkNameKey),
      ...CHECK_NAMES.map((name) => checkReasonKey(passed(name), 'jwt_vc_json')),
      ...CHECK_CODES.map((code) =>
        checkReasonKey({ name: 'status', ok: false, code, message: '' }),
      ),
      formatKey('dc+sd-jwt'),
      formatKey('jwt_vc_json'),
    ];
    for (const language of ['nl', 'fr', 'en'] as const) {
      for (const key of keys) {
        const words: unknown = translate(language, key);
        expect(typeof words === 'string' && words.trim() !== '', `${language} ${key}`).toBe(true);
      }
    }
    expect(translate('en', formatKey('jwt_vc_json'))).toBe('W3C VC-JWT');
  });

  it('Given an answer of two credentials where both fail the nonce and one the signature, when its failed checks are named for the verdict line, then each name appears once, in the order it first failed', () => {
    const failed = (name: Check['name']): Check => ({
      name,
      ok: false,
      code: 'bad-signature',
      message: '',
    });
    const presentation = (checks: Check[]) =>
      ({
        queryId: 'q',
        result: { checks, claims: {} },
      }) as unknown as VerifiedResponse['presentations'][number];
    const verdict = {
      valid: false,
      presentations: [
        presentation([passed('issuer-signature'), failed('nonce')]),
        presentation([failed('issuer-signature'), failed('nonce')]),
      ],
    } as unknown as VerifiedResponse;
    expect(failedCheckNames(verdict)).toEqual(['nonce', 'issuer-signature']);
    expect(
      failedCheckNames({ ...verdict, presentations: [presentation([passed('nonce')])] }),
    ).toEqual([]);
  });
});
