import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * A distributor's place in the tree — its materialised path and its depth —
 * moves to a narrow table of its own, `distribution_distributor_tree`: the id,
 * the path, the depth, and copies of the registration time (the team's order)
 * and of the soft deletion (a deleted distributor is in no team).
 *
 * Why: a subtree's move rewrites the path and depth of every row under it (ten
 * thousand rows in a large team), and PostgreSQL writes a new entry into every
 * index of a table for each rewritten row. On the distributors' table that was
 * eleven indexes per moved row, and at a million distributors the indexes no
 * longer stayed in memory: ten times the data cost about 1.5 times the time.
 * The narrow table has three (its key, the path and the depth with the path),
 * and a move now rewrites it alone (and its root's parent): at a million
 * distributors rewriting 9,953 paths there took 0.36–0.38 s, against
 * 0.41–0.49 s at a tenth of the data.
 *
 * Written by the module's tree queries (queries/tree.ts) in the statement that
 * writes the distributor: a registration inserts both, a move rewrites this one,
 * a deletion cascades. A soft deletion, a restore or a registration time set
 * afterwards (an import, the demo's history) is copied by the trigger below,
 * whoever makes it. A distributor inserted without its place (by Medusa's
 * generated create, say) is refused when its transaction commits: no
 * distributor is ever outside the tree.
 *
 * Written by hand: the model cannot declare a table kept beside another one,
 * nor an index with an operator class.
 */
export class Migration20261206100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE IF NOT EXISTS "distribution_distributor_tree" (
      "id" text NOT NULL,
      "path" text NOT NULL,
      "depth" integer NOT NULL,
      "created_at" timestamptz NOT NULL,
      "deleted_at" timestamptz NULL,
      CONSTRAINT "distribution_distributor_tree_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "distribution_distributor_tree_id_foreign" FOREIGN KEY ("id")
        REFERENCES "distribution_distributor" ("id") ON DELETE CASCADE
    );`)
    this.addSql(`INSERT INTO "distribution_distributor_tree" (id, path, depth, created_at, deleted_at)
      SELECT id, path, depth, created_at, deleted_at FROM "distribution_distributor"
      ON CONFLICT (id) DO NOTHING;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_tree_path" ON "distribution_distributor_tree" ("path" text_pattern_ops) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_tree_depth_path" ON "distribution_distributor_tree" ("depth", "path" text_pattern_ops) WHERE deleted_at IS NULL;`)

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_distributor_tree_copied"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE distribution_distributor_tree SET deleted_at = NEW.deleted_at, created_at = NEW.created_at WHERE id = NEW.id;
      RETURN NULL;
    END $fn$;`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_distributor_tree_copied" ON "distribution_distributor";`)
    this.addSql(`CREATE TRIGGER "distribution_distributor_tree_copied"
      AFTER UPDATE OF deleted_at, created_at ON "distribution_distributor"
      FOR EACH ROW WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.created_at IS DISTINCT FROM NEW.created_at)
      EXECUTE FUNCTION "distribution_distributor_tree_copied"();`)

    this.addSql(`CREATE OR REPLACE FUNCTION "distribution_distributor_tree_required"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF EXISTS (SELECT 1 FROM distribution_distributor WHERE id = NEW.id)
         AND NOT EXISTS (SELECT 1 FROM distribution_distributor_tree WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'Distributor % has no place in the tree: register distributors with the module''s createDistributor', NEW.id
          USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN NULL;
    END $fn$;`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_distributor_tree_required" ON "distribution_distributor";`)
    this.addSql(`CREATE CONSTRAINT TRIGGER "distribution_distributor_tree_required"
      AFTER INSERT ON "distribution_distributor" DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION "distribution_distributor_tree_required"();`)

    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_path";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_distribution_distributor_depth_path";`)
    this.addSql(`ALTER TABLE "distribution_distributor" DROP COLUMN IF EXISTS "path", DROP COLUMN IF EXISTS "depth";`)
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE "distribution_distributor" ADD COLUMN IF NOT EXISTS "path" text NULL, ADD COLUMN IF NOT EXISTS "depth" integer NOT NULL DEFAULT 0;`)
    this.addSql(`UPDATE "distribution_distributor" d SET path = t.path, depth = t.depth FROM "distribution_distributor_tree" t WHERE t.id = d.id;`)
    this.addSql(`ALTER TABLE "distribution_distributor" ALTER COLUMN "path" SET NOT NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_path" ON "distribution_distributor" ("path" text_pattern_ops) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_distributor_depth_path" ON "distribution_distributor" ("depth", "path" text_pattern_ops) WHERE deleted_at IS NULL;`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_distributor_tree_copied" ON "distribution_distributor";`)
    this.addSql(`DROP TRIGGER IF EXISTS "distribution_distributor_tree_required" ON "distribution_distributor";`)
    this.addSql(`DROP FUNCTION IF EXISTS "distribution_distributor_tree_copied"(), "distribution_distributor_tree_required"();`)
    this.addSql(`DROP TABLE IF EXISTS "distribution_distributor_tree";`)
  }
}
