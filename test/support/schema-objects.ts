// Every object in a zod schema, with its path (`''` for the root, `stages[]`, `stages[].metrics[]`),
// seen through the optional, default, pipe and array wrappers. The tests that hold the shape
// table and the id walk to the schema (test/shared/entities.test.ts, test/sync/ids.test.ts) read
// the schema through this.
type Def = Record<string, unknown> & { type: string };

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

export interface SchemaObject {
  path: string;
  keys: string[];
}

export function schemaObjects(schema: unknown, path = '', out: SchemaObject[] = []): SchemaObject[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'prefault':
    case 'nonoptional':
      return schemaObjects(def.innerType, path, out);
    case 'pipe':
      return schemaObjects(def.in, path, out);
    case 'array':
      return schemaObjects(def.element, `${path}[]`, out);
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      out.push({ path, keys: Object.keys(shape) });
      for (const [key, child] of Object.entries(shape)) schemaObjects(child, path ? `${path}.${key}` : key, out);
      return out;
    }
    default:
      return out;
  }
}
