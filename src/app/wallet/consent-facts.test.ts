// Declared facts on the consent screen: typed answers are read with the questionnaire's specs,
// bad input is named, and what stays unanswered makes the application incomplete.
import { describe, expect, it } from 'vitest';
import { questionnaireFacts } from '../../core/holder/index.ts';
import { factsState, parseFactDraft } from './consent-facts.ts';

const specs = questionnaireFacts();
const spec = (name: string) => {
  const found = specs.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no spec ${name}`);
  return found;
};

describe('parseFactDraft', () => {
  it.each([
    ['household', 'single', 'single'],
    ['household', 'a-household-no-rule-knows', 'invalid'],
    ['assetsCents', '1.234,56', 123_456],
    ['assetsCents', '12abc', 'invalid'],
    ['assetsCents', '   ', null],
    ['costSharers', '3', 3],
    ['costSharers', '-1', 'invalid'],
    ['costSharers', '9'.repeat(400), 'invalid'],
  ])('Given %s typed as %j, then it reads %j', (name, text, expected) => {
    expect(parseFactDraft(spec(name), text)).toEqual(expected);
  });
});

describe('factsState', () => {
  it('Given an asked fact answered in Benefits, then it is sent unless switched off, and off it counts as unanswered', () => {
    const on = factsState(['household'], { household: 'single' }, {}, []);
    expect(on.declared).toEqual({ household: 'single' });
    expect(on.unanswered).toEqual([]);
    const off = factsState(['household'], { household: 'single' }, {}, ['household']);
    expect(off.declared).toEqual({});
    expect(off.unanswered).toEqual(['household']);
  });

  it('Given unanswered facts typed on the consent screen, then they are sent and saved; an unreadable one is an error and stays unanswered', () => {
    const state = factsState(
      ['household', 'assetsCents'],
      {},
      { household: 'single', assetsCents: 'lots' },
      [],
    );
    expect(state.answers).toEqual({ household: 'single' });
    expect(state.declared).toEqual({ household: 'single' });
    expect(state.errors).toEqual({ assetsCents: 'benefits.facts.badAmount' });
    expect(state.unanswered).toEqual(['assetsCents']);
  });

  it('Given a follow-up fact (partner income) while the household is single, then it is neither asked nor missing', () => {
    const state = factsState(
      ['household', 'partnerNetIncomeCents'],
      { household: 'single' },
      {},
      [],
    );
    expect(state.unanswered).toEqual([]);
    const couple = factsState(
      ['household', 'partnerNetIncomeCents'],
      { household: 'couple' },
      {},
      [],
    );
    expect(couple.unanswered).toEqual(['partnerNetIncomeCents']);
  });

  it('Given a stored answer, then a draft for the same fact does not replace it', () => {
    const state = factsState(['household'], { household: 'single' }, { household: 'couple' }, []);
    expect(state.answers).toEqual({});
    expect(state.declared).toEqual({ household: 'single' });
  });
});
