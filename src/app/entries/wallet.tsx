// The citizen's page (/): the wallet and nothing of the desks.
import { lazy } from 'react';
import { startRole } from '../main.tsx';

startRole(
  'wallet',
  lazy(() => import('../wallet/WalletRole.tsx')),
);
