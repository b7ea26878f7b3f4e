import { z } from 'zod';
import { REQUEST_RULE_IDS } from '../protocol/request.ts';

/**
 * A request the desk showed and still waits for, kept (encrypted) in the desk's vault under
 * `pending:<id>`. Its nonce is what a response's key binding JWT must carry (nonce-store.ts).
 */
export const PENDING_PREFIX = 'pending:';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const typeIdSchema = z.enum(['income-statement', 'medical-attestation', 'diploma', 'household']);

export const pendingRequestSchema = z.object({
  id: z.string(),
  nonce: z.string(),
  queryId: z.string(),
  /**
   * Every credential query of the request with the format it asks for, when there is more than
   * one (a diploma in either format: `diploma` dc+sd-jwt, `diploma_w3c` jwt_vc_json). Absent: the
   * one query `queryId`, an SD-JWT VC (requests kept before issue 10 read alike).
   */
  queries: z
    .array(z.object({ id: z.string(), format: z.enum(['dc+sd-jwt', 'jwt_vc_json']) }))
    .max(16)
    .optional(),
  typeId: typeIdSchema,
  vct: z.string(),
  required: z.array(z.string()),
  optional: z.array(z.string()),
  purpose: z.string(),
  /**
   * Other credentials the request asked for in optional credential sets (query id, type and
   * claims; SD-JWT VC), e.g. the household credential with the income supplement. Absent: none.
   */
  optionalCredentials: z
    .array(
      z.object({
        id: z.string(),
        typeId: typeIdSchema,
        vct: z.string(),
        required: z.array(z.string()),
        optional: z.array(z.string()),
      }),
    )
    .max(8)
    .optional(),
  /** The rule the request named (`vouch.rule`): the desk runs it on a valid answer. */
  rule: z.enum(REQUEST_RULE_IDS).optional(),
  /** The facts the request asked the citizen to declare (`vouch.declare`). */
  declare: z.array(z.string()).optional(),
  /** The month (`YYYY-MM`) the request is about: the period of a monthly rule. */
  month: z.string().regex(MONTH_PATTERN).optional(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type PendingRequest = z.infer<typeof pendingRequestSchema>;
