// A class attribute from parts, the false and empty ones left out: classes('field', wide && 'wide').
export function classes(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
