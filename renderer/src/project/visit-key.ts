// A React key per navigation: every move creates a new place object, so keying a page by its place
// remounts it (fresh state) on each visit, and not on re-renders in between.
const keys = new WeakMap<object, number>();
let next = 0;

export function visitKey(place: object): number {
  let key = keys.get(place);
  if (key === undefined) {
    key = ++next;
    keys.set(place, key);
  }
  return key;
}
