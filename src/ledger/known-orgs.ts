/**
 * The organisations a ledger node knows (`--known-orgs <file>`): their names, the public keys
 * their desks sign receipts with, and optionally the keys of their ledger cores (then the node
 * replicates only those cores). docs/evidence.md § Acceptance.
 *
 *   {"type": "vouch-known-organisations",
 *    "organisations": [{"name": "Gemeente Utrecht", "keys": [<public JWK>, …], "cores": ["<hex>"]}]}
 */
import { z } from 'zod';
import { partyFromJwk, sameParty } from '../core/evidence/index.ts';
import type { Party } from '../core/evidence/index.ts';
import { parsePublicJwk } from '../core/jose/jwk.ts';
import { failedWith, ok } from '../core/result.ts';
import type { Result } from '../core/result.ts';

const fileSchema = z.strictObject({
  type: z.literal('vouch-known-organisations'),
  organisations: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(200),
        keys: z.array(z.unknown()).min(1).max(100),
        cores: z
          .array(z.string().regex(/^[0-9a-f]{64}$/, 'expected a core key as 64 lowercase hex'))
          .max(100)
          .optional(),
      }),
    )
    .max(10_000),
});

export interface KnownOrganisation {
  readonly name: string;
  readonly parties: readonly Party[];
  readonly cores: readonly string[];
}

export class KnownOrganisations {
  constructor(readonly organisations: readonly KnownOrganisation[] = []) {}

  /** The organisation that signs with this key, if any. */
  organisationOf(party: Party): KnownOrganisation | undefined {
    return this.organisations.find((org) => org.parties.some((p) => sameParty(p, party)));
  }

  /** Core keys listed by any organisation; empty means "replicate any core a peer offers". */
  get allowedCores(): ReadonlySet<string> {
    return new Set(this.organisations.flatMap((org) => org.cores));
  }
}

export function parseKnownOrganisations(
  text: string,
): Result<KnownOrganisations, 'bad-known-orgs', { message: string }> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failedWith('bad-known-orgs', { message: `not JSON: ${(error as Error).message}` });
  }
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failedWith('bad-known-orgs', {
      message: `"${issue?.path.join('.')}": ${issue?.message}`,
    });
  }
  const organisations: KnownOrganisation[] = [];
  for (const [i, org] of parsed.data.organisations.entries()) {
    const parties: Party[] = [];
    for (const [j, key] of org.keys.entries()) {
      const jwk = parsePublicJwk(key);
      if (!jwk.ok) {
        return failedWith('bad-known-orgs', {
          message: `"organisations.${i}.keys.${j}": ${jwk.detail.message}`,
        });
      }
      parties.push(partyFromJwk(jwk.value));
    }
    organisations.push({ name: org.name, parties, cores: org.cores ?? [] });
  }
  return ok(new KnownOrganisations(organisations));
}
