import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Makes every insert into the audit log fail, as a database fault would (a
 * trigger that raises), until the returned function is called. Whatever the
 * input validation lets through, the audit write can still be made to fail.
 */
export async function failAuditWrites(container: MedusaContainer): Promise<() => Promise<void>> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.raw(`CREATE FUNCTION distribution_test_audit_fails() RETURNS trigger AS $$
                  BEGIN RAISE EXCEPTION 'audit storage unavailable'; END $$ LANGUAGE plpgsql`)
  await pg.raw(`CREATE TRIGGER distribution_test_audit_fails BEFORE INSERT ON distribution_audit_log
                  FOR EACH ROW EXECUTE FUNCTION distribution_test_audit_fails()`)
  return async () => {
    await pg.raw("DROP TRIGGER distribution_test_audit_fails ON distribution_audit_log")
    await pg.raw("DROP FUNCTION distribution_test_audit_fails()")
  }
}
