/**
 * Payroll CSV rows → income-statement claims and the holder's key (docs/cli.md §Batch).
 * Columns (header row, any order): employee_id, employee_name, birth_date, period,
 * gross_wage_cents, net_wage_cents, hours, holder_xpub, child_index; optional employer_name and
 * employer_id (else --employer-name / --employer-id). Every problem is one sentence.
 */
import type { ExtendedPublicKey } from '../../core/brand.ts';
import { checkClaims } from '../../core/credentials/index.ts';
import { parseExtendedPublicKey } from '../../core/keys/index.ts';
import { failedWith, ok } from '../../core/result.ts';
import type { Result } from '../../core/result.ts';

export const REQUIRED_COLUMNS = [
  'employee_id',
  'employee_name',
  'birth_date',
  'period',
  'gross_wage_cents',
  'net_wage_cents',
  'hours',
  'holder_xpub',
  'child_index',
] as const;
export const OPTIONAL_COLUMNS = ['employer_name', 'employer_id'] as const;

export interface PayrollRow {
  employeeId: string;
  claims: Record<string, unknown>;
  xpub: ExtendedPublicKey;
  childIndex: number;
}

export interface PayrollHeader {
  columns: readonly string[];
}

/** Checks the header: every required column once, nothing unknown. */
export function checkHeader(
  fields: readonly string[],
): Result<PayrollHeader, 'bad-header', { message: string }> {
  const columns = fields.map((f) => f.trim());
  const known: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  const unknown = columns.find((c) => !known.includes(c));
  if (unknown !== undefined) {
    return failedWith('bad-header', {
      message: `unknown column ${JSON.stringify(unknown)} (columns: ${known.join(', ')})`,
    });
  }
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate !== undefined)
    return failedWith('bad-header', { message: `column "${duplicate}" appears twice` });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return failedWith('bad-header', { message: `missing column(s): ${missing.join(', ')}` });
  return ok({ columns });
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CENTS = /^(0|[1-9]\d{0,14})$/;
const DECIMAL = /^\d{1,6}(\.\d{1,4})?$/;
const INDEX = /^(0|[1-9]\d{0,9})$/;

/** One data row → a PayrollRow, or every reason it cannot be issued (joined with "; "). */
export function readPayrollRow(
  header: PayrollHeader,
  fields: readonly string[],
  defaults: {
    employerName?: string;
    employerId?: string;
    /** Xpubs already checked, by their text: a payroll repeats a few relationship xpubs. */
    xpubs?: Map<string, ReturnType<typeof parseExtendedPublicKey>>;
  },
): Result<PayrollRow, 'bad-row', { message: string }> {
  if (fields.length !== header.columns.length) {
    return failedWith('bad-row', {
      message: `expected ${header.columns.length} columns, got ${fields.length}`,
    });
  }
  const cell = (name: string): string => {
    const index = header.columns.indexOf(name);
    return index === -1 ? '' : (fields[index] as string).trim();
  };
  const problems: string[] = [];
  const employeeId = cell('employee_id');
  if (!SAFE_ID.test(employeeId)) {
    problems.push(
      `employee_id ${JSON.stringify(employeeId)} must be 1-64 letters, digits, ".", "_" or "-" (it names the output files)`,
    );
  }
  for (const name of REQUIRED_COLUMNS) {
    if (cell(name) === '') problems.push(`${name} is empty`);
  }
  const number = (name: string, pattern: RegExp, what: string): number | undefined => {
    const text = cell(name);
    if (text === '') return undefined;
    if (!pattern.test(text)) {
      problems.push(`${name} ${JSON.stringify(text)} is not ${what}`);
      return undefined;
    }
    return Number(text);
  };
  const gross = number('gross_wage_cents', CENTS, 'a whole number of cents');
  const net = number('net_wage_cents', CENTS, 'a whole number of cents');
  const hours = number('hours', DECIMAL, 'a number of hours');
  const childIndex = number('child_index', INDEX, 'a child index (0 … 2147483647)');
  if (childIndex !== undefined && childIndex > 0x7fffffff) {
    problems.push(
      `child_index ${childIndex} is over 2147483647 (hardened indices are not derivable from an xpub)`,
    );
  }
  const xpubText = cell('holder_xpub');
  let xpub = xpubText === '' ? undefined : defaults.xpubs?.get(xpubText);
  if (xpubText !== '' && !xpub) {
    xpub = parseExtendedPublicKey(xpubText);
    defaults.xpubs?.set(xpubText, xpub);
  }
  if (xpub && !xpub.ok) problems.push(`holder_xpub: ${xpub.detail.message}`);
  const employerName = cell('employer_name') || defaults.employerName || '';
  const employerId = cell('employer_id') || defaults.employerId || '';
  if (!employerName) problems.push('employer_name is empty (give the column or --employer-name)');
  if (!employerId) problems.push('employer_id is empty (give the column or --employer-id)');
  const claims: Record<string, unknown> = {
    period: cell('period'),
    gross_wage_cents: gross,
    net_wage_cents: net,
    hours,
    employer_name: employerName,
    employer_id: employerId,
    employee_name: cell('employee_name'),
    birth_date: cell('birth_date'),
  };
  // The type's own schema has the last word (dates, months, ranges), for fields not yet refused.
  const checked = checkClaims('income-statement', claims);
  if (!checked.ok) {
    for (const issue of checked.detail.issues) {
      const value = claims[issue.claim];
      if (value === undefined || value === '') continue; // already reported as empty or not a number
      problems.push(issue.message);
    }
  }
  if (problems.length > 0 || !checked.ok || !xpub || !xpub.ok || childIndex === undefined) {
    return failedWith('bad-row', {
      message: problems.join('; ') || 'the row does not fit income-statement',
    });
  }
  return ok({ employeeId, claims: checked.value, xpub: xpub.value, childIndex });
}
