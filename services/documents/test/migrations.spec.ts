import { checkMigrationsFromEmpty } from '@cobranza/testing';
import { documentsDefinition } from '../src/definition';
import { migrations } from '../src/migrations';

describe('documents migrations', () => {
  it('migrate up from an empty schema and leave no difference with the entities', async () => {
    const result = await checkMigrationsFromEmpty(documentsDefinition());
    expect(result.tablesWhenEmpty).toEqual([]);
    expect(result.applied).toEqual(migrations.map((m) => m.name));
    expect(result.pendingSql.trim()).toBe('');
  });

  it('runs as the service role, which cannot touch another service schema', async () => {
    const { MikroORM } = await import('@mikro-orm/postgresql');
    const orm = await MikroORM.init(documentsDefinition().orm);
    try {
      const other = 'clients';
      await expect(orm.em.fork().getConnection().execute(`create table ${other}.intruder (id int)`)).rejects.toThrow(/permission denied/);
    } finally {
      await orm.close();
    }
  });
});
