export {
  compressStatusBytes,
  decompressStatusList,
  MAX_STATUS_LIST_BYTES,
  STATUS_BITS,
  statusAtIndex,
} from './status-bits.ts';
export type { StatusBits } from './status-bits.ts';
export {
  allocateStatusIndex,
  allocateStatusIndices,
  createStatusList,
  isStatusIndexRevoked,
  MAX_STATUS_LIST_SIZE,
  MIN_STATUS_LIST_SIZE,
  parseStatusListFile,
  revokeStatusIndex,
  statusListSizeProblem,
} from './status-list-file.ts';
export type { StatusListFile } from './status-list-file.ts';
export {
  publishStatusListJwt,
  STATUS_LIST_JWT_TYP,
  verifyStatusListJwt,
} from './status-list-jwt.ts';
export type { StatusListProblem, VerifiedStatusList } from './status-list-jwt.ts';
