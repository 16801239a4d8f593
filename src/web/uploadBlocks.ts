/** Pure helpers of the upload page: block ids and sizes, link scope, sizes for people. */

/** Fixed width, so all ids in the blob have the same length, as Blob Storage requires. */
export function blockId(index: number): string {
  return btoa('block-' + String(index + 1).padStart(6, '0'));
}

export function blockLength(index: number, blockSize: number, fileSize: number): number {
  return Math.min(blockSize, fileSize - index * blockSize);
}

export function withQuery(url: string, query: string): string {
  return url + (url.indexOf('?') >= 0 ? '&' : '?') + query;
}

/** "1,5 GB" or "20 MB": Dutch decimal comma, as the page's words around it. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return (bytes / (1024 * 1024 * 1024)).toFixed(1).replace('.', ',') + ' GB';
  return Math.max(1, Math.round(bytes / (1024 * 1024))) + ' MB';
}

/**
 * What the link is for (trajectory, cycle, person), read from its claims, which are not secret.
 * An interrupted upload is kept under this, never under the token itself.
 */
export function linkScope(value: string): string | null {
  try {
    let part = value.split('.')[0].replace(/-/g, '+').replace(/_/g, '/');
    while (part.length % 4) part += '=';
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { s?: unknown; u?: unknown };
    return typeof claims.s === 'string' && typeof claims.u === 'string' ? claims.s + '|' + claims.u : null;
  } catch {
    return null;
  }
}
