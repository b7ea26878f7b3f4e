export {
  webCryptoVaultCrypto,
  type WebCryptoVaultCryptoOptions,
} from './webcrypto-vault-crypto.ts';
