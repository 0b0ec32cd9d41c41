// A copy of an object with more fields: what `{ ...base, ...extra }` means, written so
// that V8 keeps the copies' hidden classes shared.
//
// On Node 20 (V8 11) an object literal that adds keys after a spread gets a hidden class
// (map) of its own every time: the copy's map is not linked into V8's transition tree,
// so no two such objects share one. Every property read that meets them goes megamorphic,
// and each fresh map, kept in the old generation until a full collection, holds its young
// descriptor array alive — so the rest of a request's garbage survives the young
// collections and is copied to the old generation. On the purchase path two such
// literals made validation and preparation promote 0.7 KB a purchase; without them,
// nothing (docs/benchmarks.md, session 19). Object.assign onto a fresh object adds the
// keys one by one along the transition tree, like any literal, so equal shapes share a
// map. `{ ...base }` alone and `{ id, ...base }` are fine as they are;
// test/hidden-classes.test.ts keeps the request paths free of the slow form. Not for
// dictionaries of user-given keys: Object.assign would treat an own `__proto__` key as
// the copy's prototype, where a spread copies it as data.

type With<Base, Extra> = Omit<Base, keyof Extra> & Extra;

/** `{ ...base, ...extra, … }`, typed the same (later fields win), without a hidden class per copy. */
export function withFields<B extends object, E extends object>(base: B, extra: E): With<B, E>;
export function withFields<B extends object, E1 extends object, E2 extends object>(base: B, e1: E1, e2: E2): With<With<B, E1>, E2>;
export function withFields<B extends object, E1 extends object, E2 extends object, E3 extends object>(base: B, e1: E1, e2: E2, e3: E3): With<With<With<B, E1>, E2>, E3>;
export function withFields<B extends object, E1 extends object, E2 extends object, E3 extends object, E4 extends object>(base: B, e1: E1, e2: E2, e3: E3, e4: E4): With<With<With<With<B, E1>, E2>, E3>, E4>;
export function withFields(base: object, ...extras: object[]): object {
  return Object.assign({}, base, ...extras);
}
