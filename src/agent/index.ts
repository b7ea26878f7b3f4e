/**
 * `vouch/agent`: a @veramo/core agent with Vouch's plugins, for organisations' systems
 * (docs/agent.md). Built to dist-node/agent.js by `npm run build:node`.
 */
export { createVouchAgent } from './create-vouch-agent.ts';
export type { VouchAgent, VouchAgentMethods, VouchAgentOptions } from './create-vouch-agent.ts';
export { VouchKms, VOUCH_KMS } from './vouch-kms.ts';
export type { VouchKmsOptions } from './vouch-kms.ts';
export { VouchCredentialsPlugin } from './credentials-plugin.ts';
export type {
  ICreateHolderDidArgs,
  ICreateSdJwtPresentationArgs,
  ICreateSdJwtVcArgs,
  ICreateSdJwtVcResult,
  ICreateVcJwtArgs,
  ICreateVpJwtArgs,
  IVerifyVouchCredentialArgs,
  ICheckVcJwtStatusArgs,
  IVcJwtStatus,
  StatusListSource,
  IVerifyVouchPresentationArgs,
  IVouchCredentials,
  SdJwtHolder,
  VouchCredentialsOptions,
} from './credentials-plugin.ts';
export { VouchEligibilityPlugin } from './eligibility-plugin.ts';
export type { IRunEligibilityRuleArgs, IVouchEligibility } from './eligibility-plugin.ts';
export type { VerificationResult } from '../core/verification/index.ts';
export type { RuleResult } from '../core/rules/index.ts';
