// Ordered, pure schema migrations. MIGRATIONS[n] turns a version-n journey into version n+1.
// Version 1 is the first published schema, so the table is empty; when v2 lands, add
//   1: (j) => ({ ...j, newField: default })
// plus a fixture test/fixtures/journeys/journey.v1.json that must still load (test/shared/migrations.test.ts).
export type Migration = (journey: unknown) => unknown;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};
