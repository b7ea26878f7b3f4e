// The verifier desk's page (/verifier).
import { lazy } from 'react';
import { startRole } from '../main.tsx';

startRole(
  'verifier',
  lazy(() => import('../verifier/VerifierDesk.tsx')),
);
