// Ordered, pure schema migrations. MIGRATIONS[n] turns a version-n journey into version n+1, and
// test/fixtures/journeys/journey.v1.json must keep loading through them (test/shared/migrations.test.ts).
//
// Version 2 adds `views` (shared/model/schema.ts ViewSchema). Version 1 knew no views, so a `views`
// field in a version-1 file is the author's own extra field (every object may carry extra fields,
// and they are kept): it is kept under `x_v1_views` instead of being read as views it never was.
// Other fields version 2 adds are optional and need no step here.
export type Migration = (journey: unknown) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Version 1 → 2: an empty list of views; a version-1 `views` extra field is kept as `x_v1_views`. */
export const v1ToV2: Migration = (journey) => {
  // Not an object: validation reports it, with its own words.
  if (!isObject(journey)) return journey;
  const { views, ...rest } = journey;
  return views === undefined ? { ...rest, views: [] } : { ...rest, x_v1_views: views, views: [] };
};

export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: v1ToV2 };
