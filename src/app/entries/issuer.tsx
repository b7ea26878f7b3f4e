// The issuer desk's page (/issuer).
import { startRole } from '../main.tsx';

void startRole('issuer', () => import('../issuer/IssuerDesk.tsx'));
