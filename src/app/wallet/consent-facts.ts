/**
 * The declared facts on the consent screen, as data: what the citizen typed, what is sent, and what
 * stays unanswered (ConsentFacts.tsx shows it).
 */
import {
  isFactAsked,
  questionnaireFacts,
  type DeclaredFacts,
  type DeclaredValue,
} from '../../core/holder/index.ts';
import type { FactSpec } from '../../core/rules/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { parseEuroInput } from './benefits/euro-input.ts';

/** Text as typed, per fact name. */
export type FactDraft = Readonly<Record<string, string>>;

/** A typed answer as a fact value: null when empty, 'invalid' when it cannot be read. */
export function parseFactDraft(spec: FactSpec, text: string): DeclaredValue | null | 'invalid' {
  const value = text.trim();
  if (value === '') return null;
  switch (spec.kind) {
    case 'enum':
      return (spec.options ?? []).includes(value) ? value : 'invalid';
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : 'invalid';
    case 'cents': {
      const cents = parseEuroInput(value);
      return cents === 'invalid' ? 'invalid' : cents;
    }
    case 'integer':
      return /^\d{1,4}$/.test(value) ? Number(value) : 'invalid';
  }
}

export interface FactsState {
  /** Answers typed on this screen that read well (to send, and to save). */
  readonly answers: Record<string, DeclaredValue>;
  /** Answers typed on this screen that cannot be read, with the message to show. */
  readonly errors: Record<string, MessageKey>;
  /** What is sent: the asked facts, answered (stored or typed here) and switched on. */
  readonly declared: DeclaredFacts;
  /** Asked facts the citizen can answer that stay unanswered (or switched off). */
  readonly unanswered: readonly string[];
}

/** Where the asked facts stand, from the stored answers, the draft and the switches. */
export function factsState(
  asked: readonly string[],
  stored: DeclaredFacts,
  draft: FactDraft,
  off: readonly string[],
  specs: readonly FactSpec[] = questionnaireFacts(),
): FactsState {
  const answers: Record<string, DeclaredValue> = {};
  const errors: Record<string, MessageKey> = {};
  for (const name of asked) {
    const spec = specs.find((candidate) => candidate.name === name);
    if (!spec || stored[name] !== undefined) continue;
    const parsed = parseFactDraft(spec, draft[name] ?? '');
    if (parsed === 'invalid') {
      errors[name] =
        spec.kind === 'cents' ? 'benefits.facts.badAmount' : 'benefits.facts.badNumber';
    } else if (parsed !== null) answers[name] = parsed;
  }
  const all: DeclaredFacts = { ...stored, ...answers };
  const relevant = asked.filter((name) => isFactAsked(name, all));
  const declared = Object.fromEntries(
    relevant
      .filter((name) => all[name] !== undefined && !off.includes(name))
      .map((name) => [name, all[name] as DeclaredValue]),
  );
  const unanswered = relevant.filter(
    (name) =>
      specs.some((spec) => spec.name === name) && (all[name] === undefined || off.includes(name)),
  );
  return { answers, errors, declared, unanswered };
}
