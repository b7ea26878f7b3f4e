// Several `vouch serve` instances of one organisation on one database (docs/server.md "Several
// instances"): what one instance changes, every other serves at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStatusListJwt } from '../core/status-list/index.ts';
import { testBackends } from './db/test-databases.fake.ts';
import type { TestDatabase } from './db/test-databases.fake.ts';
import { allocateStatusIndex } from './status/store.ts';
import { createTestServer } from './test-server.fake.ts';
import type { TestServer } from './test-server.fake.ts';

describe.each(testBackends())('two instances on $name', (backend) => {
  let database: TestDatabase;
  let one: TestServer;
  let two: TestServer;
  beforeAll(async () => {
    database = await backend.open();
    one = await createTestServer({ db: database.db });
    two = await createTestServer({
      db: await database.openAnother(),
      issuerKey: one.issuerKey,
      verifierKey: one.verifierKey,
    });
  });
  afterAll(() => database?.close());

  it('Given a credential issued through one instance, when it is revoked through the other, then both serve the revoked list at once', async () => {
    const { uri, idx } = await allocateStatusIndex(one.db, one.ctx);
    const second = await allocateStatusIndex(two.db, two.ctx);
    expect(second.uri).toBe(uri); // one list for the organisation, not one per instance
    expect(second.idx).not.toBe(idx);

    const revoked = await two.admin('/admin/status/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ index: idx }),
    });
    expect(revoked.status).toBe(200);

    for (const instance of [one, two]) {
      const response = await instance.app.request(new URL(uri).pathname);
      const list = await verifyStatusListJwt(await response.text(), {
        crypto: instance.ctx.crypto,
        now: instance.ctx.now(),
        expectedUri: uri,
      });
      expect(list.ok && list.value.statusAt(idx)).toBe(1);
      expect(list.ok && list.value.statusAt(second.idx)).toBe(0);
    }
  });
});
