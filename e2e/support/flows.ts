import { expect } from '@playwright/test';
import type { DeskPage } from '../pages/desk-page.ts';
import type { WalletPage } from '../pages/wallet-page.ts';

/** The income statement most flows issue: Sam de Vries's September 2026 at Acme Rides BV. */
export const SEPTEMBER_STATEMENT = {
  period: '2026-09',
  gross: '2450.00',
  net: '1895.12',
  hours: '151.5',
  birthDate: '1988-04-12',
} as const;

/** Connect a wallet to a desk without cameras: the connect code's text, pasted at the desk. */
export async function connectByText(
  wallet: WalletPage,
  desk: DeskPage,
  issuerName: string,
  person: string,
): Promise<void> {
  await wallet.connectCode(issuerName);
  const text = await wallet.page.getByLabel('Connect code as text').inputValue();
  expect(text).toMatch(/^VOUCH1:/);
  await desk.tab('Register').click();
  await desk.page.getByLabel('Paste the code as text').fill(text);
  await desk.page.getByRole('button', { name: 'Read text' }).click();
  await expect(desk.page.getByText(`The wallet made this code for: ${issuerName}.`)).toBeVisible();
  await desk.page.getByLabel('Name', { exact: true }).fill(person);
  await desk.page.getByRole('button', { name: 'Add to register' }).click();
  await expect(desk.page.getByText(`${person} was added to the register.`)).toBeVisible();
  await wallet.backHome();
}

/** Hand the offer the desk shows to the wallet as text (the paste path of the receive screen). */
export async function receiveOfferText(wallet: WalletPage, desk: DeskPage): Promise<void> {
  const text = await desk.offerText();
  await wallet.openReceive();
  await wallet.pasteCode(text);
  await expect(wallet.page.getByRole('heading', { level: 1 })).not.toHaveText(
    'Receive a credential',
    { timeout: 20_000 },
  );
  await wallet.backHome();
  await desk.page.getByRole('button', { name: 'Issue another credential' }).click();
}
