import { sql, type Kysely } from 'kysely'
import { dialectOf } from './helpers.js'

/**
 * The tables paging configuration is read from: services, teams, escalation policies,
 * schedules, people and how they are reached. The engine keeps what it read of them between
 * runs (paging/config-cache.ts) for as long as none of them changed.
 */
export const CONFIG_TABLES = [
  'services',
  'service_dependencies',
  'teams',
  'escalation_policies',
  'escalation_steps',
  'escalation_step_targets',
  'schedules',
  'schedule_layers',
  'schedule_layer_members',
  'users',
  'notification_rules',
  'contact_methods',
] as const

/**
 * A counter every write to a configuration table moves on, by trigger: whichever process or
 * tool wrote (an API call, `tend` on the command line, another instance, a hand-run SQL
 * statement), the engine sees that what it keeps is stale. The trigger also runs inside the
 * writing transaction (on PostgreSQL at its commit), so the counter moves exactly when the
 * write commits.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('config_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute()
  await db.insertInto('config_generation').values({ id: 1, n: 0 }).execute()
  if (dialectOf(db) === 'postgres') {
    await sql`create function tend_bump_config_generation() returns trigger language plpgsql as $$
      begin
        update config_generation set n = n + 1 where id = 1;
        return null;
      end $$`.execute(db)
    // Deferred to the commit: the counter's row lock is then always the last lock a writing
    // transaction takes, so two configuration writers can never deadlock over it.
    for (const table of CONFIG_TABLES) {
      await sql`create constraint trigger ${sql.id(`${table}_config_generation`)} after insert or update or delete on ${sql.table(table)}
        deferrable initially deferred for each row execute function tend_bump_config_generation()`.execute(db)
    }
    return
  }
  for (const table of CONFIG_TABLES) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.id(`${table}_config_generation_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        begin update config_generation set n = n + 1 where id = 1; end`.execute(db)
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const table of CONFIG_TABLES) await sql`drop trigger ${sql.id(`${table}_config_generation`)} on ${sql.table(table)}`.execute(db)
    await sql`drop function tend_bump_config_generation()`.execute(db)
  } else {
    for (const table of CONFIG_TABLES) for (const event of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.id(`${table}_config_generation_${event}`)}`.execute(db)
  }
  await db.schema.dropTable('config_generation').execute()
}
