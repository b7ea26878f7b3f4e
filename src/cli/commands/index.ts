/** Every `vouch` command. Add new ones here (and their group, if they start a new one). */
import type { CommandGroup, CommandSpec } from '../command.ts';
import { eligibility } from './eligibility.ts';
import { inspect } from './inspect.ts';
import { issue } from './issue.ts';
import { issuerGroup, issuerNew } from './issuer.ts';
import { keysDerive, keysGroup, keysHolder, keysNew } from './keys.ts';
import { offer } from './offer.ts';
import { present } from './present.ts';
import { qrDecode, qrEncode, qrGroup } from './qr.ts';
import { registrationGroup, registrationIssue, registrationVerify } from './registration.ts';
import { request } from './request.ts';
import { result } from './result.ts';
import { serve } from './serve.ts';
import { statusGroup, statusNew, statusPublish, statusRevoke } from './status.ts';
import { verify } from './verify.ts';

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  keysGroup,
  issuerGroup,
  statusGroup,
  qrGroup,
  registrationGroup,
];
export const COMMANDS: readonly CommandSpec[] = [
  keysNew,
  keysDerive,
  keysHolder,
  issuerNew,
  issue,
  statusNew,
  statusRevoke,
  statusPublish,
  inspect,
  qrEncode,
  qrDecode,
  present,
  verify,
  eligibility,
  serve,
  offer,
  request,
  result,
  registrationIssue,
  registrationVerify,
];
