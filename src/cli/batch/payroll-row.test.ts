import { describe, expect, it } from 'vitest';
import { checkHeader, readPayrollRow, REQUIRED_COLUMNS } from './payroll-row.ts';
import { payrollRow, relationshipXpubs } from './payroll-fixture.ts';

const [XPUB] = relationshipXpubs(1) as [string];
const header = checkHeader([...REQUIRED_COLUMNS]);
if (!header.ok) throw new Error('fixture header');
const defaults = { employerName: 'Bakkerij de Vries B.V.', employerId: '12345678' };
const good = payrollRow(1, XPUB);
const withCell = (column: string, value: string) =>
  good.map((cell, i) => (REQUIRED_COLUMNS[i] === column ? value : cell));

describe('payroll rows', () => {
  it('Given a good row, when read, then it yields the claims, xpub and child index', () => {
    const row = readPayrollRow(header.value, good, defaults);
    expect(row.ok && row.value.claims).toMatchObject({
      period: '2025-01',
      employer_id: '12345678',
      hours: 121,
    });
    expect(row.ok && row.value.childIndex).toBe(1);
  });

  it.each([
    ['a bad xpub', withCell('holder_xpub', 'xpub6nonsense'), 'holder_xpub'],
    ['a bad period', withCell('period', '2025-13'), 'period'],
    [
      'cents with a decimal point',
      withCell('gross_wage_cents', '1234.50'),
      'gross_wage_cents "1234.50" is not a whole number of cents',
    ],
    ['a missing field', withCell('employee_name', ''), 'employee_name is empty'],
    ['a wrong column count', good.slice(1), 'expected 9 columns, got 8'],
    ['a hardened child index', withCell('child_index', '2147483648'), 'over 2147483647'],
    ['an id unfit for a file name', withCell('employee_id', '../x'), 'employee_id'],
  ])('Given %s, when read, then the row is refused naming it', (_, fields, text) => {
    const row = readPayrollRow(header.value, fields, defaults);
    expect(row.ok ? 'ok' : row.detail.message).toContain(text);
  });

  it.each([
    [['employee_id'], 'missing column(s)'],
    [[...REQUIRED_COLUMNS, 'salary'], 'unknown column "salary"'],
    [[...REQUIRED_COLUMNS, 'period'], 'column "period" appears twice'],
  ])('Given header %j, when checked, then it is refused (%s)', (columns, text) => {
    const checked = checkHeader(columns);
    expect(checked.ok ? 'ok' : checked.detail.message).toContain(text);
  });
});
