/** The unlocked wallet (see ../shared/session-slot.ts): locking drops it and every signing key. */
import type { HolderWallet } from '../../core/holder/index.ts';
import { createSessionSlot } from '../shared/session-slot.ts';

const slot = createSessionSlot<HolderWallet>();

export const setSession = slot.set;
export const getSession = slot.get;
export const endSession = slot.end;
