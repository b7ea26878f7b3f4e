/** The unlocked verifier desk (see ../shared/session-slot.ts): locking drops it and every signing key. */
import type { VerifierDesk } from '../../core/verifier/index.ts';
import { createSessionSlot } from '../shared/session-slot.ts';

const slot = createSessionSlot<VerifierDesk>();

export const setVerifierSession = slot.set;
export const getVerifierSession = slot.get;
export const endVerifierSession = slot.end;
