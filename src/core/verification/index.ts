export { CHECK_CODES, CHECK_NAMES } from './check.ts';
export type {
  Check,
  CheckCode,
  CheckName,
  StatusInfo,
  StatusPolicy,
  VerificationResult,
  VerifyPresentationOptions,
} from './check.ts';
export { describeDate, describeDuration } from './describe-time.ts';
export { DEFAULT_MAX_AGE_SECONDS, FUTURE_SKEW_SECONDS } from './kb-claims.ts';
export { DEFAULT_STATUS_MAX_AGE_SECONDS } from './status.ts';
export { VALIDITY_SKEW_SECONDS } from './validity.ts';
export { verifyPresentation } from './verify-presentation.ts';
