/**
 * A table property holds at most 64 KiB (32K UTF-16 characters); a delivery's card can be larger,
 * so its JSON is spread over numbered properties of one entity (an entity holds 1 MiB).
 */
const CHUNK = 30_000;

export function toChunks(value: unknown): Record<string, string | number> {
  const json = JSON.stringify(value);
  const properties: Record<string, string | number> = { chunks: Math.max(1, Math.ceil(json.length / CHUNK)) };
  for (let index = 0; index * CHUNK < json.length || index === 0; index++) properties[`data${index}`] = json.slice(index * CHUNK, (index + 1) * CHUNK);
  return properties;
}

export function fromChunks<T>(entity: Record<string, unknown>): T {
  const count = Number(entity.chunks ?? 0);
  let json = '';
  for (let index = 0; index < count; index++) json += String(entity[`data${index}`] ?? '');
  return JSON.parse(json) as T;
}
