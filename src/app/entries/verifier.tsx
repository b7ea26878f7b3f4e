// The verifier desk's page (/verifier).
import { startRole } from '../main.tsx';

void startRole('verifier', () => import('../verifier/VerifierDesk.tsx'));
