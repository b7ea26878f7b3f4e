import { expect, type Page } from '@playwright/test';
import type { Words } from './words.ts';

/** Open every `<details>`, so what sits behind "Technical details" or "Why?" is checked too. */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
  });
}

/**
 * Answer the Benefits questions in any language: the first real option of every choice, 0 for
 * every number; then save. The screen's own wording decides nothing here. Runs `onFilled` on the
 * filled-in form before it is saved.
 */
export async function answerBenefitQuestions(
  page: Page,
  t: Words,
  onFilled?: () => Promise<void>,
): Promise<void> {
  const start = page.getByRole('button', { name: t('benefits.facts.answer') });
  const edit = page.getByRole('button', { name: t('benefits.facts.edit') });
  if (await start.isVisible()) await start.click();
  else if (await edit.isVisible()) await edit.click();
  const save = page.getByRole('button', { name: t('benefits.facts.save') });
  const form = page.locator('form').filter({ has: save });
  await expect(form).toBeVisible();
  for (const select of await form.getByRole('combobox').all()) {
    await select.selectOption({ index: 1 });
  }
  for (const field of await form.getByRole('textbox').all()) await field.fill('0');
  await onFilled?.();
  await save.click();
  await expect(page.getByText(t('benefits.facts.saved'))).toBeVisible();
}

/**
 * Share on the consent screen; when the wallet first asks to confirm an incomplete application
 * (docs/ux.md, consent), run `onConfirm` on that dialog, then confirm. Waits for the answer.
 */
export async function shareAndConfirm(
  page: Page,
  t: Words,
  onConfirm?: () => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: t('present.share'), exact: true }).click();
  const answer = page.getByLabel(t('present.answerText'));
  const confirm = page.getByRole('alertdialog');
  await expect(answer.or(confirm)).toBeVisible({ timeout: 20_000 });
  if (await confirm.isVisible()) {
    await onConfirm?.();
    await confirm.getByRole('button', { name: t('consent.incomplete.shareAnyway') }).click();
  }
  await expect(answer).toBeVisible({ timeout: 20_000 });
}
