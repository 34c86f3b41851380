/** @example parseScope('a b') // ['a','b'] */
export function parseScope(value: string): string[] {
  return value.split(' ');
}
