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
