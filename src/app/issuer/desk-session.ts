/** The unlocked issuer desk (see ../shared/session-slot.ts): locking drops it and every signing key. */
import type { IssuerDesk } from '../../core/issuer/index.ts';
import { createSessionSlot } from '../shared/session-slot.ts';

const slot = createSessionSlot<IssuerDesk>();

export const setDeskSession = slot.set;
export const getDeskSession = slot.get;
export const endDeskSession = slot.end;
