import { writeFile } from 'node:fs/promises';
import type { Browser, BrowserContext } from '@playwright/test';
import { DeskPage } from '../pages/desk-page.ts';
import { VerifierPage } from '../pages/verifier-page.ts';
import { WalletPage } from '../pages/wallet-page.ts';
import { connectByText, receiveOfferText, SEPTEMBER_STATEMENT } from './flows.ts';

/** What `context.storageState({ indexedDB: true })` gives: cookies, localStorage and IndexedDB. */
export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * The expensive state the screen-by-screen specs share (each wallet and desk setup costs seconds
 * of key derivation): an issuer desk, a wallet (English, passcode PASSCODE) saved twice, and a
 * verifier desk that trusts the issuer and holds its status list. Made once per worker by the
 * `seed` fixture of support/seed.ts, so every spec that asks for it in that worker shares it.
 */
export interface Seed {
  desk: DeskPage;
  verifier: VerifierPage;
  /** The wallet just after it was created: no credential, no connection. Locked on load. */
  emptyWallet: StorageState;
  /** The same wallet with September 2026's income statement of Acme Rides BV. Locked on load. */
  fullWallet: StorageState;
  /** That wallet's 24 recovery words (to restore it elsewhere). */
  walletWords: readonly string[];
  /**
   * A new request of the verifier for that statement, as text and as a same-device link (each
   * call makes a fresh one: a request expires after minutes, and the seed may live longer).
   */
  freshRequest(): Promise<{ text: string; link: string }>;
  close(): Promise<void>;
}

export async function seedWalletAndDesks(
  browser: Browser,
  options: {
    statusListFile: string;
    /** Outside a test (a worker fixture), contexts get no `use` options: pass baseURL here. */
    contextOptions?: Parameters<Browser['newContext']>[0];
  },
): Promise<Seed> {
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const context = await browser.newContext(options.contextOptions);
    contexts.push(context);
    return context.newPage();
  };
  const close = async () => {
    for (const context of contexts) await context.close();
  };
  try {
    const desk = new DeskPage(await open());
    await desk.open();
    await desk.setUp({ name: 'Acme Rides BV', registration: 'KvK 12345678' });
    await desk.tab('Desk settings').click();
    const issuerDid = (
      (await desk.page.getByLabel('Issuer identifier (DID)').textContent()) ?? ''
    ).trim();

    const walletPage = await open();
    const wallet = new WalletPage(walletPage);
    await wallet.open();
    const walletWords = await wallet.create();
    const emptyWallet = await walletPage.context().storageState({ indexedDB: true });
    await connectByText(wallet, desk, 'Acme Rides', 'Sam de Vries');
    await desk.issueIncomeStatement(SEPTEMBER_STATEMENT);
    await receiveOfferText(wallet, desk);
    const fullWallet = await walletPage.context().storageState({ indexedDB: true });

    const verifier = new VerifierPage(await open());
    await verifier.open();
    await verifier.setUp('Gemeente Utrecht');
    await verifier.addTrustedIssuer(issuerDid, 'Acme Rides BV', ['Income statement']);
    await writeFile(options.statusListFile, (await desk.publish()).jwt);
    await verifier.importStatusList(options.statusListFile);
    const freshRequest = async () => {
      await verifier.chooseTemplate('income-supplement', { month: SEPTEMBER_STATEMENT.period });
      const shown = await verifier.showRequest();
      return { text: shown.text, link: shown.link };
    };
    return { desk, verifier, emptyWallet, fullWallet, walletWords, freshRequest, close };
  } catch (error) {
    await close();
    throw error;
  }
}
