// pathInputs must list every contract input that names a file or folder, or the window could pass
// a path there: each method's top-level input fields are read from its zod schema and any field
// named like a path must be listed, and every listed field must exist.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames } from '../../domain/contract';
import { fileKinds, handedOutFiles, pathInputs, windowMethodNames } from '../../domain/file-choice';

const pathLike = /^(file|out|path|folder|dir|directory)$|(File|Path|Folder|Dir)$/;

/** The names of the input object's own fields (of each branch, for a union). */
function topLevelFields(schema: z.ZodType): Set<string> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const fields = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const { properties, anyOf, oneOf } = node as Record<string, unknown>;
    if (properties && typeof properties === 'object') {
      for (const key of Object.keys(properties)) fields.add(key);
    }
    for (const branches of [anyOf, oneOf]) if (Array.isArray(branches)) branches.forEach(visit);
  };
  visit(json);
  return fields;
}

describe('pathInputs', () => {
  it('lists every contract input field named like a path', () => {
    const found: string[] = [];
    for (const method of methodNames) {
      for (const field of topLevelFields(contract[method].input as z.ZodType)) {
        if (pathLike.test(field)) found.push(`${method}.${field}`);
      }
    }
    // The test reads the schemas: it must find the fields it is about.
    expect(found).toContain('backup.restore.file');
    expect(found).toContain('sync.export.out');
    const listed = Object.entries(pathInputs).map(([method, spec]) => `${method}.${spec.field}`);
    expect(found.sort()).toEqual(listed.sort());
  });

  it('names real methods, fields and kinds only', () => {
    for (const [method, spec] of Object.entries({ ...pathInputs, ...handedOutFiles })) {
      expect(Object.hasOwn(contract, method), method).toBe(true);
      expect(Object.hasOwn(fileKinds, spec.purpose.kind), method).toBe(true);
    }
    for (const [method, spec] of Object.entries(pathInputs)) {
      const input = contract[method as keyof typeof contract].input as z.ZodType;
      expect([...topLevelFields(input)], method).toContain(spec.field);
    }
  });

  it('adds only file.choose to the window API, shaped like the other method names', () => {
    expect(windowMethodNames.filter((m) => !(methodNames as string[]).includes(m))).toEqual([
      'file.choose',
    ]);
  });
});
