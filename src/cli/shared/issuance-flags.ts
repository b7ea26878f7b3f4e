/**
 * The flags `vouch issue` and `vouch offer` share (holder.ts and copies.ts re-export them): a
 * module of their own, so a command's flags are known without loading the code that reads them
 * (`vouch issue --batch` starts its worker threads before it loads that code, issue 12).
 */
import type { FlagSpec } from '../command.ts';

/** The holder flags of `vouch issue` (single issuance). */
export const ISSUANCE_HOLDER_FLAGS: readonly FlagSpec[] = [
  {
    name: 'holder-jwk',
    kind: 'string',
    valueName: 'file',
    description: "The holder's public JWK (single issuance).",
  },
  {
    name: 'holder-xpub',
    kind: 'string',
    valueName: 'xpub',
    description:
      "The holder's relationship xpub (with --child-index): the credential key is its child.",
  },
  {
    name: 'child-index',
    kind: 'string',
    valueName: 'n',
    description: 'The child index of the credential key under --holder-xpub (or the mnemonic).',
  },
  {
    name: 'holder-did',
    kind: 'string',
    valueName: 'did',
    description: "The holder's DID (did:key or did:jwk; with jwt_vc_json also did:web).",
  },
];

/** `--copies <n>`: 1…MAX_COPIES; `defaultCopies` is the command's own default. */
export function copiesFlag(defaultCopies: number, description: string): FlagSpec {
  return {
    name: 'copies',
    kind: 'string',
    valueName: 'n',
    description,
    defaultText: String(defaultCopies),
  };
}
