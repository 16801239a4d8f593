import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml } from '../../../src/http/pages/pageTexts';
import { playerPageHtml } from '../../../src/http/pages/playerPage';
import { uploadPageHtml } from '../../../src/http/pages/uploadPage';
import { servedPage } from '../../../src/http/pagesRoute';
import { textsFor, type Texts } from '../../../src/texts';

const nl = textsFor('nl');
const blobOrigin = 'http://127.0.0.1:10000';

interface ScriptElement {
  attributes: string;
  body: string;
}

/** Every `<script>` element, whatever its attributes (deliberately looser than servedPage's match). */
function scriptElements(html: string): ScriptElement[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => ({ attributes: match[1], body: match[2] }));
}

/** A browser runs an inline script without a type or with a JavaScript type. */
function isExecutable(element: ScriptElement): boolean {
  const type = /\btype\s*=\s*"([^"]*)"/.exec(element.attributes)?.[1];
  return type === undefined || type === '' || /^(text|application)\/javascript$/i.test(type) || type === 'module';
}

function pageTexts(html: string): Record<string, string> {
  const blocks = scriptElements(html).filter((element) => /\bid="page-texts"/.test(element.attributes));
  expect(blocks).toHaveLength(1);
  expect(blocks[0].attributes).toContain('type="application/json"');
  return JSON.parse(blocks[0].body) as Record<string, string>;
}

/** The markup a user reads: the page without its scripts and styles. */
function markup(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function directive(policy: string, name: string): string[] {
  const found = policy.split(';').map((part) => part.trim().split(/\s+/)).find((parts) => parts[0] === name);
  return found ? found.slice(1) : [];
}

const pages: { name: 'upload' | 'player'; render: (texts: Texts) => string }[] = [
  { name: 'upload', render: uploadPageHtml },
  { name: 'player', render: playerPageHtml },
];

describe.each(pages)('the $name page', ({ name, render }) => {
  const html = render(nl);
  const words = (texts: Texts): Record<string, string> => texts.pages[name];

  it('takes its language and every word from the texts, leaving no placeholder behind', () => {
    expect(html).toContain(`<html lang="${nl.pages.common.lang}">`);
    expect(html).toContain(`<title>${escapeHtml(words(nl).title)}</title>`);
    const visible = markup(html);
    expect(visible).not.toMatch(/[{}]/);
    expect(visible).not.toContain('undefined');
    expect(visible).not.toContain('[object Object]');
    expect(html).not.toContain('${');
  });

  it('gives its script its own section of the texts, and every word the script asks for is there', () => {
    const section = words(nl);
    expect(pageTexts(html)).toEqual(section);
    // The script is src/web/<page>.ts (typed against these texts too); read as text, it names each word it uses.
    const script = readFileSync(path.join(__dirname, '../../../src/web', `${name}.ts`), 'utf8');
    const used = [...new Set([...script.matchAll(/\bwords\.(\w+)/g)].map((match) => match[1]))];
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((key) => typeof section[key] !== 'string')).toEqual([]);
  });

  it('escapes HTML-special characters in the texts, in the markup and in the data block', () => {
    const label = '<b>&"';
    const trap = '</script><script>alert(1)</script><!--';
    const section = { ...words(nl) };
    const firstLabel = Object.keys(section).find((key) => key !== 'title' && markup(html).includes(`>${escapeHtml(section[key])}<`));
    // A text only the script uses: it must not be able to end the data block.
    const scriptOnly = Object.keys(section).find((key) => !markup(html).includes(escapeHtml(section[key])));
    expect(firstLabel).toBeDefined();
    expect(scriptOnly).toBeDefined();
    section[firstLabel as string] = label;
    section[scriptOnly as string] = trap;
    const texts = { ...nl, pages: { ...nl.pages, upload: { ...nl.pages.upload }, player: { ...nl.pages.player } } };
    Object.assign(texts.pages[name], section);

    const tricky = render(texts);
    expect(markup(tricky)).toContain('>&lt;b&gt;&amp;&quot;<');
    expect(tricky).not.toContain(label);
    expect(tricky).not.toContain('alert(1)</script>');
    expect(scriptElements(tricky)).toHaveLength(scriptElements(html).length);
    expect(pageTexts(tricky)).toEqual(section);
  });

  it('runs only its own script file of this origin, and its Content-Security-Policy allows exactly that and its styles', () => {
    const { contentSecurityPolicy } = servedPage(html, blobOrigin);
    const executable = scriptElements(html).filter(isExecutable);
    // One script, loaded from this origin, nothing inline; the data block is not executable.
    expect(executable).toEqual([{ attributes: ` src="/static/${name}.js"`, body: '' }]);
    expect(scriptElements(html).filter((element) => !isExecutable(element))).toHaveLength(1);
    expect(directive(contentSecurityPolicy, 'script-src')).toEqual(["'self'"]);

    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => sha256(match[1]));
    expect(directive(contentSecurityPolicy, 'style-src').sort()).toEqual(styles.sort());
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and leaves the rest', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    expect(escapeHtml('Opname bekijken – één')).toBe('Opname bekijken – één');
  });
});
