// The citizen's page (/): the wallet and nothing of the desks.
import { startRole } from '../main.tsx';

void startRole('wallet', () => import('../wallet/WalletRole.tsx'));
