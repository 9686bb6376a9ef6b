/**
 * Moved to src/scripts/seed-demo.ts. This re-export keeps older imports working
 * (integration-tests/helpers/orders.ts) until they point there.
 */
export * from "../src/scripts/seed-demo"
export { default } from "../src/scripts/seed-demo"
