import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Shares for every terminal: a short token (a 小程序码's `scene`) per
 * distributor and target, unique across the store and reused per
 * (distributor, target, path); and the mini-program page the codes open.
 */
export class Migration20261201400001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "distribution_share_scene" ("id" text not null, "scene" text not null, "distributor_id" text not null, "target_type" text check ("target_type" in ('home', 'product', 'sale', 'coupon', 'page')) not null, "target_id" text null, "path" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_share_scene_pkey" primary key ("id"), constraint "distribution_share_scene_scene_length" check (char_length("scene") between 1 and 32));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_share_scene_scene_unique" ON "distribution_share_scene" ("scene");`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_distribution_share_scene_target_unique" ON "distribution_share_scene" ("distributor_id", "target_type", (coalesce("target_id", '')), (md5("path")));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_share_scene_distributor" ON "distribution_share_scene" ("distributor_id") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "distribution_settings" add column if not exists "mini_program_page" text not null default 'pages/index/index';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "distribution_settings" drop column if exists "mini_program_page";`);
    this.addSql(`drop table if exists "distribution_share_scene" cascade;`);
  }

}
