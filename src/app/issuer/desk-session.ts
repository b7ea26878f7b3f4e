/** The unlocked issuer desk (its vault holds the data key handle): outside React and zustand. */
import type { IssuerDesk } from '../../core/issuer/index.ts';

let current: IssuerDesk | undefined;

export function setDeskSession(desk: IssuerDesk): void {
  current = desk;
}

export function getDeskSession(): IssuerDesk | undefined {
  return current;
}

export function endDeskSession(): void {
  current?.vault.lock();
  current = undefined;
}
