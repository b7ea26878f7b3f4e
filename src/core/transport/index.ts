export { encodeForQr } from './qr-frames.ts';
export type { EncodeForQrOptions, QrFrames } from './qr-frames.ts';
export { createQrAssembler } from './qr-assembler.ts';
export type { QrAssembler, QrAssemblerOptions, QrAssemblyProgress } from './qr-assembler.ts';
export { decodeFromText, encodeForText, singleFrameText, TEXT_PREFIX } from './text.ts';
export type { DecodeFromTextOptions } from './text.ts';
export { PAYLOAD_KINDS } from './payload-kind.ts';
export type { PayloadKind } from './payload-kind.ts';
export type { TransportFailureDetail, TransportProblem } from './transport-problem.ts';
export {
  DEFAULT_ANIMATED_FRAME_BYTES,
  DEFAULT_MAX_FRAME_BYTES,
  MAX_PAYLOAD_BYTES,
  QR_BYTES_V12_M,
  QR_BYTES_V22_M,
} from './limits.ts';
export { DICTIONARY_V1 } from './dictionary-v1.ts';
export { encodeSingleFrame, FORMAT_VERSION, parseFrame } from './frame.ts';
export type { CompressOptions, RawDeflate } from './codec.ts';
export type { ParsedFrame } from './frame.ts';
export { crc32 } from './crc32.ts';
export { Xoshiro256 } from './xoshiro256.ts';
export {
  createFountainEncoder,
  nominalFragmentLength,
  partitionMessage,
} from './fountain-encoder.ts';
export type { FountainEncoder } from './fountain-encoder.ts';
export { createFountainDecoder } from './fountain-decoder.ts';
export type { FountainDecoder, FountainDecodeState } from './fountain-decoder.ts';
export { encodeFountainPart, parseFountainPart } from './fountain-part.ts';
export type { FountainPart } from './fountain-part.ts';
export { chooseDegree, chooseFragments, shuffled } from './fountain-selection.ts';
export { createRandomSampler } from './random-sampler.ts';
export type { RandomSampler } from './random-sampler.ts';
export {
  presentationOfResponse,
  presentationQueryId,
  responseForPresentation,
} from './bare-presentation.ts';
