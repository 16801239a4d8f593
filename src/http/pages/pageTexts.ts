const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put between tags or in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char]);
}

/**
 * The words a page script needs, as a data block it reads with
 * `JSON.parse(document.getElementById('page-texts').textContent)`. A data block is never
 * executed, so it needs no hash in the Content-Security-Policy (its tag is not a bare
 * `<script>`). Every `<` is escaped, so no text can end the block or open a tag.
 */
export function pageTextsBlock(texts: Record<string, string>): string {
  const json = JSON.stringify(texts).replace(/</g, '\\u003c');
  return `<script type="application/json" id="page-texts">${json}</script>`;
}
