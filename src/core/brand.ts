/** Branded primitives for things that are strings (or numbers) on the wire. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A decentralised identifier, e.g. `did:key:zQ3s…`. */
export type Did = Brand<string, 'Did'>;
/** Unpadded base64url text (RFC 4648 §5). */
export type Base64Url = Brand<string, 'Base64Url'>;
/** A BIP32 derivation path such as `m/7467'/0'`. */
export type Bip32Path = Brand<string, 'Bip32Path'>;
/** A serialised BIP32 extended public key (`xpub…`). */
export type ExtendedPublicKey = Brand<string, 'ExtendedPublicKey'>;
/** Money is integer euro cents. */
export type EuroCents = Brand<number, 'EuroCents'>;
