/**
 * `vouch eligibility --rule <id> --input <JSON file>`: runs a rule module (docs/rules.md) and
 * prints its result as JSON: {"ruleId","status","amountCents","period",…,"trace","evidence",
 * "credentials"}. The input file (issue 5 item 6, docs/cli.md):
 *   {"period":"YYYY-MM"|"date":"YYYY-MM-DD","facts":{…},"credentials":["file",…]}
 * Every credential file (an SD-JWT VC, issuance form or with a key binding) is verified first —
 * signature by its did:key / did:jwk issuer, validity, and its type's claim schema — and an
 * invalid one is an error (exit 1), never an input. Exit 0 whenever the rule ran, whatever its
 * status; 2 on a usage error. Never a stack trace.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { checkClaims, credentialTypeByVct } from '../../core/credentials/index.ts';
import { evaluateRule, isRuleId, RULE_IDS, RULES } from '../../core/rules/index.ts';
import type { RuleId, RuleInput, RuleResult } from '../../core/rules/index.ts';
import { verifySdJwtVc } from '../../core/sd-jwt/index.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { readJsonFile, readTextFile } from '../shared/inputs.ts';
import { jwsCrypto, parseIsoDate } from '../shared/runtime.ts';

/** An input file holds a handful of paths; more is a mistake, not a use. */
const MAX_CREDENTIALS = 100;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

interface VerifiedCredential {
  file: string;
  vct: string;
  issuer: string;
  claims: Record<string, unknown>;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The period of the rule's kind from the input file, or a one-line failure naming the field. */
function periodOf(rule: RuleId, input: Record<string, unknown>, path: string): string {
  if (RULES[rule].periodKind === 'month') {
    const period = input.period;
    if (typeof period !== 'string' || !MONTH.test(period)) {
      throw new CommandFailure(
        `--input: ${path}: "period" must be a month YYYY-MM for ${rule}, got ${short(period)}`,
      );
    }
    return period;
  }
  const date = input.date ?? input.period;
  const parsed = typeof date === 'string' && DAY.test(date) ? parseIsoDate(date) : undefined;
  if (
    typeof date !== 'string' ||
    parsed === undefined ||
    parsed.toISOString().slice(0, 10) !== date
  ) {
    throw new CommandFailure(
      `--input: ${path}: "date" must be a day YYYY-MM-DD for ${rule}, got ${short(date)}`,
    );
  }
  return date;
}

async function verifyCredential(
  file: string,
  baseDir: string,
  now: Date,
): Promise<VerifiedCredential> {
  const path = isAbsolute(file) ? file : resolve(baseDir, file);
  const text = (await readTextFile(path, 'credential')).trim();
  const verified = await verifySdJwtVc(text, { crypto: jwsCrypto(), now });
  if (!verified.ok) {
    throw new CommandFailure(
      `credential ${file} is not valid (${verified.reason}): ${verified.detail.message}`,
    );
  }
  const { vct, issuer, claims } = verified.value;
  // Without a pinned key verifySdJwtVc requires `iss`; this guard only narrows the type.
  if (issuer === undefined) throw new CommandFailure(`credential ${file} names no issuer ("iss")`);
  const type = credentialTypeByVct(vct);
  if (type === undefined) {
    throw new CommandFailure(`credential ${file}: unknown credential type (vct ${short(vct)})`);
  }
  // Only what was disclosed is checked: a presentation may leave claims out, never get them wrong.
  const checked = checkClaims(type.id, claims);
  if (!checked.ok) {
    const wrong = checked.detail.issues.filter((issue) => issue.claim in claims);
    if (wrong.length > 0) {
      throw new CommandFailure(
        `credential ${file}: claims do not fit ${type.id}: ${wrong[0]?.message ?? ''}`,
      );
    }
  }
  return { file, vct, issuer, claims };
}

function output(result: RuleResult, credentials: readonly VerifiedCredential[]): string {
  const { ruleId, status, amountCents, period, trace, evidence, ...extra } = result;
  const ordered = {
    ruleId,
    status,
    amountCents,
    period,
    ...extra,
    trace,
    evidence,
    credentials: credentials.map(({ file, vct, issuer }) => ({ file, vct, issuer })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export const eligibility: CommandSpec = {
  path: ['eligibility'],
  summary: 'Run a benefits rule on declared facts and verified credentials: the result as JSON.',
  description: [
    `Rules: ${RULE_IDS.join(', ')} (docs/rules.md). The input file is JSON:`,
    '  {"period":"YYYY-MM","facts":{…},"credentials":["income-2024-07.sd-jwt",…]} (monthly rules)',
    '  {"date":"YYYY-MM-DD","facts":{…},"credentials":["attestation.sd-jwt"]} (the asbestos rules)',
    'Credential paths are relative to the input file. Each is verified first (issuer signature',
    'from its did:key or did:jwk, validity, claim schema); an invalid one fails the command.',
    'Prints {"ruleId","status","amountCents","period",…,"trace","evidence","credentials"}.',
    'Exit 0 when the rule ran (whatever the status), 1 on a bad input or credential, 2 on usage.',
  ].join('\n'),
  flags: [
    {
      name: 'rule',
      kind: 'string',
      valueName: 'id',
      required: true,
      description: `The rule: ${RULE_IDS.join(' | ')}.`,
    },
    {
      name: 'input',
      kind: 'string',
      valueName: 'JSON file',
      required: true,
      description: 'Period or date, declared facts and credential files.',
    },
    {
      name: 'now',
      kind: 'string',
      valueName: 'ISO date-time',
      description: 'The clock for checking the credentials’ validity.',
      defaultText: 'now',
    },
  ],
  examples: [
    'vouch eligibility --rule nl.participatiewet.aanvulling --input september.json',
    'vouch eligibility --rule nl.asbest.tas-tns --input asbestos.json',
  ],
  async run({ flags, io }) {
    const usage = (message: string) => new UsageError(message, ['eligibility']);
    const rule = flags.string('rule') as string;
    if (!isRuleId(rule)) {
      throw usage(`--rule: unknown rule ${short(rule)} (rules: ${RULE_IDS.join(', ')})`);
    }
    const nowText = flags.string('now');
    const now = nowText === undefined ? new Date() : parseIsoDate(nowText);
    if (now === undefined) {
      throw usage(
        `--now: expected an ISO date-time such as 2026-03-02T09:30:00Z, got ${short(nowText)}`,
      );
    }
    const path = flags.string('input') as string;
    const json = await readJsonFile(path, '--input');
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new CommandFailure(`--input: ${path} must hold a JSON object, got ${short(json)}`);
    }
    const input = json as Record<string, unknown>;
    const period = periodOf(rule, input, path);
    const facts = input.facts ?? {};
    if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
      throw new CommandFailure(`--input: ${path}: "facts" must be an object, got ${short(facts)}`);
    }
    const files = input.credentials ?? [];
    if (
      !Array.isArray(files) ||
      files.length > MAX_CREDENTIALS ||
      !files.every((file): file is string => typeof file === 'string' && file !== '')
    ) {
      throw new CommandFailure(
        `--input: ${path}: "credentials" must be a list of at most ${MAX_CREDENTIALS} file paths, got ${short(files)}`,
      );
    }
    const baseDir = dirname(resolve(path));
    const credentials: VerifiedCredential[] = [];
    for (const file of files) credentials.push(await verifyCredential(file, baseDir, now));

    const ruleInput: RuleInput = {
      period,
      facts: facts as Record<string, unknown>,
      claims: credentials.map(({ vct, claims }) => ({ vct, claims })),
    };
    io.stdout(output(evaluateRule(rule, ruleInput), credentials));
    return EXIT_OK;
  },
};
