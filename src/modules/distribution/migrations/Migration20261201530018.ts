import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A 拼团 group's page is a share target of its own: the leader's share of the group. */
export class Migration20261201530018 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "distribution_share_scene" drop constraint if exists "distribution_share_scene_target_type_check";`);
    this.addSql(`alter table if exists "distribution_share_scene" add constraint "distribution_share_scene_target_type_check" check ("target_type" in ('home', 'product', 'sale', 'coupon', 'page', 'group'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "distribution_share_scene" where "target_type" = 'group';`);
    this.addSql(`alter table if exists "distribution_share_scene" drop constraint if exists "distribution_share_scene_target_type_check";`);
    this.addSql(`alter table if exists "distribution_share_scene" add constraint "distribution_share_scene_target_type_check" check ("target_type" in ('home', 'product', 'sale', 'coupon', 'page'));`);
  }

}
