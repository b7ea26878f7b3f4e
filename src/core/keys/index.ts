export {
  checkMnemonic,
  generateMnemonic,
  isWordInList,
  MNEMONIC_WORDS,
  mnemonicFromEntropy,
  mnemonicToSeed,
  suggestWords,
  WORDLIST,
} from './mnemonic.ts';
export type { MnemonicProblem } from './mnemonic.ts';
export { HARDENED_OFFSET, MAX_CHILD_INDEX, parseBip32Path } from './bip32-path.ts';
export type { Bip32PathProblem } from './bip32-path.ts';
export {
  credentialPath,
  deriveCredentialPublicKey,
  describeKey,
  parseExtendedPublicKey,
  relationshipPath,
  WALLET_ROOT_PATH,
  withPrivateKey,
} from './hd.ts';
export type { DerivedKeyInfo, ExtendedPublicKeyProblem } from './hd.ts';
export { didKeyFromPublicKey, publicKeyFromDidKey } from './did-key.ts';
export type { DidKeyProblem } from './did-key.ts';
export { jwkThumbprint, jwkToPublicKey, privateKeyToJwk, publicKeyToJwk } from './jwk.ts';
export type { JwkProblem, Secp256k1PrivateJwk, Secp256k1PublicJwk } from './jwk.ts';
export { ES256K_SIGNATURE_LENGTH, es256kSigner, es256kVerifier } from './es256k.ts';
export type { Signer, Verifier, WipeableSigner } from './es256k.ts';
export { ES256K, signJwsEs256k, verifyJwsEs256k } from './jws-es256k.ts';
export type { JwsProblem, VerifiedJws } from './jws-es256k.ts';
