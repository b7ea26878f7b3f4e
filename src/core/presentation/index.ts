export { createPresentation } from './create-presentation.ts';
export type {
  CreatePresentationOptions,
  PresentationProblem,
  SdJwtPresentation,
} from './create-presentation.ts';
export { KB_JWT_TYP, signKeyBindingJwt } from './kb-jwt.ts';
export type { KeyBindingClaims } from './kb-jwt.ts';
export { computeSdHash } from './sd-hash.ts';
export { selectDisclosures } from './select-disclosures.ts';
