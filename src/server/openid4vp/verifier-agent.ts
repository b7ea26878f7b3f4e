/**
 * The server's verifier goes through the Vouch Veramo agent (src/agent, issue 10: "the CLI and
 * `vouch serve` use this agent internally"): `verifyVouchPresentation`, the agent's method in
 * Veramo's style over core's verifyPresentation, for SD-JWT VCs and W3C VP-JWTs alike.
 *
 * The agent holds no keys here (verification only) and is made once per server, on the first
 * answer: importing @veramo/* costs about 0.8 s of CPU (measured on this machine: server start
 * 1.2–2.1 s, + 2.5–4.7 s wall under load with the agent imported at start), so it is loaded with
 * a dynamic import and `vouch serve` starts as fast as before.
 */
import type { VouchAgent } from '../../agent/index.ts';
import type { ServerContext } from '../context.ts';

const agents = new WeakMap<ServerContext, Promise<VouchAgent>>();

/** The verification agent of this server, made on first use. */
export function verifierAgent(ctx: ServerContext): Promise<VouchAgent> {
  let agent = agents.get(ctx);
  if (agent === undefined) {
    agent = import('../../agent/index.ts').then(({ createVouchAgent }) =>
      createVouchAgent({ crypto: ctx.crypto, now: ctx.now, randomBytes: ctx.randomBytes }),
    );
    // A failed start is not cached: the next answer tries again.
    agent.catch(() => agents.delete(ctx));
    agents.set(ctx, agent);
  }
  return agent;
}
