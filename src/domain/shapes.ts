/**
 * Objects and arrays in the shapes V8 keeps on its fast paths, for what hot paths build by the
 * thousand (rows, facts, the lists of an answer).
 */

/**
 * `(values) => ({ k0: values[0], k1: values[1], … })` for these keys: one object literal compiled
 * once, so every object it makes has one fixed shape with fast properties. Built key by key, V8
 * walks a map transition per key, and past a few dozen keys keeps a hash table instead.
 */
export const fixedShape = <R>(keys: readonly string[]): ((values: readonly unknown[]) => R) =>
  // Keys come from our own code (column names of our SQL, fact names), never from input; quoted as JSON all the same.
  new Function('v', `return { ${keys.map((k, i) => `${JSON.stringify(k)}: v[${i}]`).join(', ')} };`) as (values: readonly unknown[]) => R;

/**
 * `items.map(f)`, as an array `JSON.stringify` writes on its fast path. Once V8 optimizes the caller,
 * its inlined Array#map allocates the result at full length and fills it in, which leaves the array
 * "holey"; V8 11 (Node 20) then serializes it element by element through a generic property lookup.
 * On a customer page that was a tenth of the serializer's time. Pushing keeps the array packed.
 */
export const packedMap = <T, R>(items: readonly T[], f: (item: T) => R): R[] => {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i]!));
  return out;
};
