import type { Texts } from '../../texts';
import { escapeHtml, pageTextsBlock } from './pageTexts';
import { PAGE_STYLE } from './pageStyle';
import { pageScriptPath, type PageScriptName } from './pageScripts';

/**
 * The frame both recording pages share: head, the common style plus their own, their main
 * content, their words as a data block and their own script, bundled from src/web and served
 * from this origin (no inline script, so `script-src 'self'` covers it).
 */
export function pageShell(input: { texts: Texts; title: string; style: string; main: string; words: Record<string, string>; script: PageScriptName }): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.texts.pages.common.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(input.title)}</title>
<style>${PAGE_STYLE}${input.style}</style>
</head>
<body>
<main>${input.main}</main>
${pageTextsBlock(input.words)}
<script src="${pageScriptPath(input.script)}"></script>
</body>
</html>
`;
}
