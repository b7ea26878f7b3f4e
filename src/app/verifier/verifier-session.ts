/** The unlocked verifier desk (its vault holds the data key handle): outside React and zustand. */
import type { VerifierDesk } from '../../core/verifier/index.ts';

let current: VerifierDesk | undefined;

export function setVerifierSession(desk: VerifierDesk): void {
  current = desk;
}

export function getVerifierSession(): VerifierDesk | undefined {
  return current;
}

export function endVerifierSession(): void {
  current?.vault.lock();
  current = undefined;
}
