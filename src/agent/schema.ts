/**
 * JSON schemas of the Vouch plugins' methods, in the shape Veramo agents publish
 * (IAgentPluginSchema: components.schemas and components.methods), so `agent.getSchema()` and
 * remote agents describe them. The agent validates arguments against them only when it is made
 * with `schemaValidation: true`; the methods check their arguments themselves in any case.
 */
import type { IAgentPluginSchema } from '@veramo/core-types';

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
});
const string = (description: string) => ({ type: 'string', description });

const verifyArgs = object(
  {
    presentation: string('An SD-JWT VC presentation or a W3C VP-JWT'),
    audience: string("This verifier's identifier (the key binding's aud)"),
    nonce: string("This request's nonce"),
    trustLists: {
      type: 'array',
      items: { anyOf: [{ type: 'string' }, { type: 'object' }] },
      description: 'Trust lists, verified objects or signed JWS',
    },
    issuerKey: { type: 'object', description: 'A pinned issuer public JWK' },
    now: string('ISO 8601; default now'),
    maxAgeSeconds: { type: 'number' },
    nonceAlreadyUsed: { type: 'boolean' },
    requiredClaims: { type: 'array', items: { type: 'string' } },
    requiredValues: { type: 'object' },
    statusLists: { type: 'array', items: { type: 'object' } },
    statusPolicy: { type: 'object' },
  },
  ['presentation', 'audience', 'nonce'],
);
const verdict = { type: 'object', description: 'A VerificationResult (docs/verification.md)' };

export const credentialsSchema: IAgentPluginSchema = {
  components: {
    schemas: {
      ICreateSdJwtVcArgs: object(
        {
          issuer: string('A DID this agent manages'),
          type: {
            type: 'string',
            enum: ['income-statement', 'medical-attestation', 'diploma', 'household'],
          },
          vct: string('Any vct, when not a Vouch type'),
          claims: { type: 'object' },
          holder: {
            type: 'object',
            description: '{ xpub, child } | { jwk } | { did }',
          },
          issuedAt: string('ISO 8601'),
          expiresAt: string('ISO 8601'),
          status: object({ idx: { type: 'number' }, uri: { type: 'string' } }, ['idx', 'uri']),
          decoys: { type: 'number' },
        },
        ['issuer', 'claims', 'holder'],
      ),
      ICreateSdJwtPresentationArgs: object(
        {
          credential: string('The SD-JWT VC in issuance form'),
          disclose: { type: 'array', items: { type: 'string' } },
          audience: { type: 'string' },
          nonce: { type: 'string' },
          holder: string('The managed DID of the cnf key'),
          issuedAt: string('ISO 8601'),
        },
        ['credential', 'disclose', 'audience', 'nonce', 'holder'],
      ),
      ICreateHolderDidArgs: object(
        { relationship: { type: 'number' }, child: { type: 'number' } },
        ['relationship'],
      ),
      IVerifyVouchPresentationArgs: verifyArgs,
      ICreateVcJwtArgs: object(
        {
          issuer: string('A DID this agent manages'),
          type: {
            type: 'string',
            enum: ['income-statement', 'medical-attestation', 'diploma', 'household'],
          },
          types: { type: 'array', items: { type: 'string' } },
          claims: { type: 'object' },
          holder: { type: 'object', description: '{ did } | { xpub, child }' },
          issuedAt: string('ISO 8601'),
          expiresAt: string('ISO 8601'),
          status: object({ idx: { type: 'number' }, uri: { type: 'string' } }, ['idx', 'uri']),
        },
        ['issuer', 'claims', 'holder'],
      ),
    },
    methods: {
      createSdJwtVc: {
        description: 'Issues an SD-JWT VC signed by a managed issuer DID',
        arguments: { $ref: '#/components/schemas/ICreateSdJwtVcArgs' },
        returnType: object({ credential: { type: 'string' }, vct: { type: 'string' } }),
      },
      createVcJwt: {
        description:
          'Issues a Vouch W3C VC-JWT (docs/w3c-vc.md) signed by a managed issuer DID, through core',
        arguments: { $ref: '#/components/schemas/ICreateVcJwtArgs' },
        returnType: object({ credential: { type: 'string' }, subject: { type: 'string' } }),
      },
      createVpJwt: {
        description:
          'Presents a VC-JWT as a Vouch VP-JWT (aud, nonce, iat) signed by a managed holder DID',
        arguments: object(
          {
            credential: { type: 'string' },
            audience: { type: 'string' },
            nonce: { type: 'string' },
            holder: string('The managed did:key of the credential subject'),
            issuedAt: string('ISO 8601'),
          },
          ['credential', 'audience', 'nonce', 'holder'],
        ),
        returnType: object({ presentation: { type: 'string' } }),
      },
      verifyVouchCredential: {
        description: 'Verifies a bare W3C VC-JWT (no holder binding): the Vouch verdict',
        arguments: object(
          {
            credential: { type: 'string' },
            trustLists: { type: 'array' },
            issuerKey: { type: 'object' },
            now: { type: 'string' },
            requiredClaims: { type: 'array', items: { type: 'string' } },
            statusLists: { type: 'array', items: { type: 'object' } },
            statusPolicy: { type: 'object' },
          },
          ['credential'],
        ),
        returnType: verdict,
      },
      createSdJwtPresentation: {
        description: 'Presents an SD-JWT VC with a key binding JWT signed by a managed holder DID',
        arguments: { $ref: '#/components/schemas/ICreateSdJwtPresentationArgs' },
        returnType: object({ presentation: { type: 'string' } }),
      },
      createHolderDid: {
        description: "A did:key of the HD tree's relationship or credential key",
        arguments: { $ref: '#/components/schemas/ICreateHolderDidArgs' },
        returnType: { type: 'object' },
      },
      verifySdJwtPresentation: {
        description: 'Verifies an SD-JWT VC presentation: the Vouch verdict',
        arguments: { $ref: '#/components/schemas/IVerifyVouchPresentationArgs' },
        returnType: verdict,
      },
      checkCredentialStatus: {
        description:
          "Reads a VC-JWT's BitstringStatusListEntry from the agent's status lists (Veramo's ICredentialStatusVerifier)",
        arguments: object({ credential: { anyOf: [{ type: 'string' }, { type: 'object' }] } }, [
          'credential',
        ]),
        returnType: object({ revoked: { type: 'boolean' }, verified: { type: 'boolean' } }),
      },
      verifyVouchPresentation: {
        description: 'Verifies an SD-JWT VC presentation or a W3C VP-JWT: the Vouch verdict',
        arguments: { $ref: '#/components/schemas/IVerifyVouchPresentationArgs' },
        returnType: verdict,
      },
    },
  },
};

export const eligibilitySchema: IAgentPluginSchema = {
  components: {
    schemas: {
      IRunEligibilityRuleArgs: object(
        {
          rule: { type: 'string' },
          period: string('YYYY-MM or YYYY-MM-DD'),
          claims: { type: 'array', items: { type: 'object' } },
          declared: { type: 'object' },
        },
        ['rule', 'period'],
      ),
    },
    methods: {
      runEligibilityRule: {
        description:
          'Runs a Vouch rule module (docs/rules.md) on verified claims and declared facts',
        arguments: { $ref: '#/components/schemas/IRunEligibilityRuleArgs' },
        returnType: { type: 'object', description: 'A RuleResult' },
      },
    },
  },
};
