// The issuer desk's page (/issuer).
import { lazy } from 'react';
import { startRole } from '../main.tsx';

startRole(
  'issuer',
  lazy(() => import('../issuer/IssuerDesk.tsx')),
);
