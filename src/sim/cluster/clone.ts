/**
 * Deep copies of decoded manifests (plain JSON data: objects, arrays, strings, numbers, booleans, null),
 * so the simulator never shares or mutates a caller's object. Not a general structured clone.
 */

/**
 * Copies JSON-like data deeply.
 * @param value plain data as decoded from YAML or JSON
 * @returns an equal copy sharing nothing with the input
 * @example cloneJson({ a: [1, { b: 2 }] }) // → { a: [1, { b: 2 }] } (a new object)
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) copy[key] = cloneJson(item);
    return copy as T;
  }
  return value;
}
