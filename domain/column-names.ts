// API keys are camelCase and columns snake_case: plannedSignedOn ↔ planned_signed_on.
export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const camel = (col: string) =>
  col.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
