// API keys are camelCase and columns snake_case: plannedSignedOn ↔ planned_signed_on. Both are
// asked for the same few dozen names per row read or written, so each answer is kept.
const snakes = new Map<string, string>();
const camels = new Map<string, string>();

export const snake = (key: string): string => {
  let col = snakes.get(key);
  if (col === undefined) {
    col = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (snakes.size < 10_000) snakes.set(key, col);
  }
  return col;
};

export const camel = (col: string): string => {
  let key = camels.get(col);
  if (key === undefined) {
    key = col.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (camels.size < 10_000) camels.set(col, key);
  }
  return key;
};
