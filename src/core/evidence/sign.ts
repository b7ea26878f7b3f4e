/**
 * Both parties sign the receipt's signing input (binary.ts). The party that makes the receipt
 * signs first; the other checks that signature and countersigns. Signers are injected
 * (`JwsSign`: the desk's issuer key through WebCrypto, the wallet's relationship key through
 * noble), so no key material passes through here.
 */
import type { JwsCrypto, JwsSign } from '../jose/jws-crypto.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { SIGNATURE_LENGTH } from './algorithms.ts';
import { receiptSigningInput } from './binary.ts';
import { partyToJwk } from './party.ts';
import { otherRole } from './receipt.ts';
import type { Receipt, ReceiptRole } from './receipt.ts';

export type ReceiptVerifier = Pick<JwsCrypto, 'verify'>;

async function signatureOf(sign: JwsSign, input: Uint8Array): Promise<Uint8Array> {
  const signature = await sign(input);
  if (signature.length !== SIGNATURE_LENGTH) {
    throw new TypeError(`receipt signer returned ${signature.length} bytes, not 64`);
  }
  return signature.slice();
}

/** Does `role`'s signature on the receipt verify with its key? False when it is missing. */
export async function verifyRoleSignature(
  receipt: Receipt,
  role: ReceiptRole,
  crypto: ReceiptVerifier,
): Promise<boolean> {
  const signature = receipt.signatures[role];
  if (!signature) return false;
  const party = receipt[role];
  return crypto.verify(party.alg, partyToJwk(party), receiptSigningInput(receipt), signature);
}

/** The first signature, on an unsigned receipt (a signed one is a bug: it throws). */
export async function signAsFirst(options: {
  receipt: Receipt;
  as: ReceiptRole;
  sign: JwsSign;
}): Promise<Receipt> {
  const { receipt, as } = options;
  if (receipt.signatures.sender || receipt.signatures.recipient) {
    throw new TypeError('signAsFirst: the receipt is already signed');
  }
  const signature = await signatureOf(options.sign, receiptSigningInput(receipt));
  return { ...receipt, signatures: { [as]: signature } };
}

export type CountersignProblem =
  'not-signed-first' | 'already-countersigned' | 'first-signature-invalid' | 'signer-key-mismatch';

/**
 * The second signature: checks that the other party signed (and validly), signs as `as`, and
 * checks its own signature against its key in the receipt (a signer with another key is refused).
 */
export async function countersign(options: {
  receipt: Receipt;
  as: ReceiptRole;
  sign: JwsSign;
  crypto: ReceiptVerifier;
}): Promise<Result<Receipt, CountersignProblem, { message: string }>> {
  const { receipt, as, crypto } = options;
  const first = otherRole(as);
  if (receipt.signatures[as]) {
    return failedWith('already-countersigned', { message: `the ${as} has signed already` });
  }
  if (!receipt.signatures[first]) {
    return failedWith('not-signed-first', {
      message: `the ${first} has not signed the receipt yet`,
    });
  }
  if (!(await verifyRoleSignature(receipt, first, crypto))) {
    return failedWith('first-signature-invalid', {
      message: `the ${first}'s signature does not verify with its key`,
    });
  }
  const signature = await signatureOf(options.sign, receiptSigningInput(receipt));
  const signed: Receipt = { ...receipt, signatures: { ...receipt.signatures, [as]: signature } };
  if (!(await verifyRoleSignature(signed, as, crypto))) {
    return failedWith('signer-key-mismatch', {
      message: `the signature made does not verify with the ${as}'s key in the receipt`,
    });
  }
  return ok(signed);
}
