/** Card data is untrusted: ids are only looked up, never believed, and must look like ids. */
export function idFrom(data: Record<string, unknown>, field: string): string | undefined {
  const value = data[field];
  return typeof value === 'string' && /^[A-Za-z0-9_:.@-]{1,128}$/.test(value) ? value : undefined;
}
