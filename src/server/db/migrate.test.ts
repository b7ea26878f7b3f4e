import { afterEach, describe, expect, it } from 'vitest';
import type { Migration } from '../context.ts';
import { checkMigrations, migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import { testBackends } from './test-databases.fake.ts';
import type { TestDatabase } from './test-databases.fake.ts';

const COUNTED: Migration[] = [
  { id: 'test-001', sql: 'CREATE TABLE applied (id text); CREATE TABLE other (n integer);' },
  { id: 'test-002', sql: "INSERT INTO applied VALUES ('test-002')" },
  { id: 'test-003', sql: "INSERT INTO applied VALUES ('test-003')" },
];

describe('checkMigrations', () => {
  it('Given ids that are not <module>-<nnn> or repeat, when checked, then it throws', () => {
    expect(() => checkMigrations([{ id: 'core-1', sql: '' }])).toThrow('not <module>-<nnn>');
    expect(() => checkMigrations([{ id: 'Core-001', sql: '' }])).toThrow('not <module>-<nnn>');
    expect(() =>
      checkMigrations([
        { id: 'core-001', sql: '' },
        { id: 'core-001', sql: '' },
      ]),
    ).toThrow('listed twice');
  });

  it('Given the registry, when checked, then every id is valid and unique', () => {
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS[0]?.id).toBe('core-001');
  });
});

describe.each(testBackends())('migrate on $name', (backend) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('Given a fresh database, when migrated twice, then each migration ran once and the second run applied none', async () => {
    database = await backend.open();
    expect(await migrate(database.db, COUNTED)).toEqual(['test-001', 'test-002', 'test-003']);
    expect(await migrate(database.db, COUNTED)).toEqual([]);
    const { rows } = await database.db.query<{ id: string }>('SELECT id FROM applied ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual(['test-002', 'test-003']);
    const recorded = await database.db.query<{ id: string }>(
      'SELECT id FROM schema_migrations ORDER BY id',
    );
    expect(recorded.rows.map((row) => row.id)).toEqual(['test-001', 'test-002', 'test-003']);
  });

  it('Given two processes starting at once, when both migrate, then every migration is applied exactly once', async () => {
    database = await backend.open();
    const second = await database.openAnother();
    const [first, other] = await Promise.all([
      migrate(database.db, COUNTED),
      migrate(second, COUNTED),
    ]);
    expect([...first, ...other].sort()).toEqual(['test-001', 'test-002', 'test-003']);
    const { rows } = await database.db.query<{ n: number }>('SELECT count(*) AS n FROM applied');
    expect(rows[0]?.n).toBe(2);
  });

  it('Given a migration that fails halfway, when migrating, then it throws, leaves nothing behind and is not recorded', async () => {
    database = await backend.open();
    const broken: Migration[] = [
      COUNTED[0] as Migration,
      { id: 'test-002', sql: "INSERT INTO other VALUES (1); INSERT INTO other VALUES ('x')" },
    ];
    await expect(migrate(database.db, broken)).rejects.toThrow();
    expect((await database.db.query('SELECT * FROM other')).rows).toEqual([]);
    const recorded = await database.db.query<{ id: string }>('SELECT id FROM schema_migrations');
    expect(recorded.rows.map((row) => row.id)).toEqual(['test-001']);
  });

  it('Given the real registry, when a fresh database is migrated, then the server tables exist', async () => {
    database = await backend.open();
    const applied = await migrate(database.db, MIGRATIONS);
    expect(applied).toEqual(MIGRATIONS.map((migration) => migration.id));
    const { rows } = await database.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM status_lists',
    );
    expect(rows[0]?.n).toBe(0);
  });
});
