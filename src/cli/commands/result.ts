/**
 * `vouch result`: the verdict on the answer to a request made with `vouch request`
 * (GET /admin/results/:id), printed in exactly the JSON shape `vouch verify` prints, or
 * `{"pending": true}` while no answer has arrived. Exit 0 when valid, 1 when not valid or still
 * pending (or the server cannot be reached), 2 on a usage error.
 */
import { CommandFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { callAdmin, serverUrl, SERVER_FLAG } from '../shared/admin-client.ts';
import { verdictJson } from '../shared/verdict.ts';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const result: CommandSpec = {
  path: ['result'],
  summary: 'Print the verdict on the answer to a vouch request (or {"pending": true}).',
  description: [
    'Reads GET /admin/results/:id at the server (admin token from VOUCH_ADMIN_TOKEN) and prints the',
    'verdict in the JSON shape of vouch verify ({"valid","checks","issuer","vct","claims",…}), or',
    '{"pending": true} while the citizen has not answered. Exit 0 when the answer is valid, 1 when',
    'it is not valid or still pending, 2 on a usage error.',
  ].join('\n'),
  flags: [
    SERVER_FLAG,
    {
      name: 'id',
      kind: 'string',
      valueName: 'id',
      required: true,
      description: 'The request id that vouch request printed.',
    },
  ],
  examples: ['VOUCH_ADMIN_TOKEN=… vouch result --server https://vouch.example.org --id Xk2…'],
  async run({ flags, io }) {
    const server = serverUrl(flags.string('server') as string, result.path);
    const id = flags.string('id') as string;
    if (!ID.test(id)) {
      throw new UsageError(
        `--id: expected a request id, got ${JSON.stringify(id.slice(0, 80))}`,
        result.path,
      );
    }
    const answer = await callAdmin(
      { server, token: process.env.VOUCH_ADMIN_TOKEN, command: result.path },
      'GET',
      `/admin/results/${id}`,
    );
    if (answer.pending === true) {
      io.stdout(`${JSON.stringify({ pending: true }, null, 2)}\n`);
      return EXIT_FAILURE;
    }
    if (typeof answer.valid !== 'boolean' || !Array.isArray(answer.checks)) {
      throw new CommandFailure(`${server}: the answer is neither a verdict nor pending`);
    }
    io.stdout(verdictJson(answer));
    return answer.valid ? EXIT_OK : EXIT_FAILURE;
  },
};
