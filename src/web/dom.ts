/** The element with this id; the page's HTML defines every id the scripts use. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing element #${id}`);
  return element as T;
}

/**
 * The words of this page, from its `<script type="application/json" id="page-texts">` data block
 * (src/http/pages/pageTexts.ts): the script is the same in every language.
 */
export function pageWords<T>(): T {
  return JSON.parse(byId('page-texts').textContent ?? '{}') as T;
}

/** Shows `text` in a message box (hidden when empty); `kind` is error, ok or info. */
export function showMessage(target: HTMLElement, text: string, kind: '' | 'error' | 'ok' | 'info'): void {
  target.textContent = text;
  target.className = 'message' + (kind ? ' ' + kind : '');
  target.hidden = !text;
}

/** A JSON response body as an object, `{}` when it is none. */
export async function jsonBody(response: Response): Promise<Record<string, unknown>> {
  try {
    const data: unknown = await response.json();
    return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
