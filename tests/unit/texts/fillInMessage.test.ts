import { escapeMarkdown, fillIn, fillInMessage, textsFor, unescapeMarkdown } from '../../../src/texts';

describe('filling in a text message', () => {
  const texts = textsFor();

  it('escapes what people typed, so a name or a note is no emphasis or link', () => {
    const text = fillInMessage('{name} schreef: {note}', { name: '*Jan*', note: '[klik](http://evil.example) <b>vet</b> `code` ~weg~ _schuin_' });
    expect(text).toBe('\\*Jan\\* schreef: \\[klik\\](http:\\/\\/evil.example) \\<b\\>vet\\</b\\> \\`code\\` \\~weg\\~ \\_schuin\\_');
    expect(fillInMessage('{note}', { note: '# kop\nregel' })).toBe('\\# kop\nregel');
  });

  it('keeps the template’s own markdown and our numbers', () => {
    const text = fillInMessage(texts.recordings.uploadedBySvibberNotice, { svibber: '*Marieke*', cycle: 2 });
    expect(text).toContain('*mijn trajecten*');
    expect(text).toContain('opname 2');
    expect(text.startsWith('\\*Marieke\\* heeft')).toBe(true);
  });

  it('reads the same as fillIn once unescaped, and leaves unknown placeholders', () => {
    const values = { name: 'Anne-Fleur O’Brien (groep 5/6)', slot: 'wo 25 nov 10:00–10:30' };
    expect(unescapeMarkdown(fillInMessage('{name} · {slot} · {unknown}', values))).toBe(fillIn('{name} · {slot} · {unknown}', values));
    expect(escapeMarkdown(values.name)).toBe(values.name);
  });
});
