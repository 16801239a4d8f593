import * as ACData from 'adaptivecards-templating';
import accessTemplate from '../../../cards/recordings/access.json';
import menuTemplate from '../../../cards/common/menu.json';
import { cardVerbs } from '../../../src/cards/cardVerbs';
import { renderCard } from '../../../src/cards/renderCard';
import { textsFor } from '../../../src/texts';

/**
 * renderCard parses each template once and keeps it. That is only safe while expanding never
 * changes the parsed template and every render builds a card of its own: these tests hold it to that.
 */
const texts = textsFor('nl');

function freshExpansion(template: object, data: Record<string, unknown>) {
  return new ACData.Template(template).expand({ $root: { ...data, t: texts, verbs: cardVerbs } });
}

const grant = (index: number) => ({ name: `Collega ${index}`, scope: 'hele opname', until: 'geen einddatum', withdrawTitle: 'Intrekken', verb: cardVerbs.recordingWithdraw, recordingId: 'r-1', grantId: `g-${index}` });
const people = (count: number) => Array.from({ length: count }, (_, index) => ({ title: `Collega ${index}`, value: `user-${index}` }));
const fragments = (count: number) => Array.from({ length: count }, (_, index) => ({ title: `Fragment ${index}`, value: `fragment-${index}` }));
const accessData = (grants: number, colleagues: number) => ({
  title: `Opname ${grants}`,
  notice: grants > 3 ? 'Gedeeld' : '',
  noticeColor: 'Good',
  grants: Array.from({ length: grants }, (_, index) => grant(index)),
  people: people(colleagues),
  fragments: fragments(grants),
  fragmentSharing: grants % 2 === 1,
  fragmentHint: grants === 0 ? 'Nog geen fragmenten' : '',
  recordingId: `recording-${grants}`,
});

describe('a template parsed once and kept', () => {
  it('renders exactly what a freshly parsed template renders, render after render', () => {
    for (const data of [accessData(3, 5), accessData(0, 1), accessData(7, 30), accessData(3, 5)]) {
      expect(renderCard('access', data, texts)).toEqual(freshExpansion(accessTemplate, data));
    }
    for (const showIntro of [true, false, true]) {
      expect(renderCard('menu', { title: 'x', lead: 'y', showIntro }, texts)).toEqual(freshExpansion(menuTemplate, { title: 'x', lead: 'y', showIntro }));
    }
  });

  it('leaves the template JSON untouched', () => {
    const before = JSON.stringify(accessTemplate);
    renderCard('access', accessData(4, 6), texts);
    renderCard('access', accessData(1, 2), texts);
    expect(JSON.stringify(accessTemplate)).toBe(before);
  });

  it('gives every render a card of its own: changing one does not reach the next', () => {
    const first = renderCard('access', accessData(2, 3), texts) as Record<string, unknown>;
    const expected = JSON.stringify(renderCard('access', accessData(2, 3), texts));
    first.body = [];
    first.actions = [{ type: 'Action.Execute', title: 'changed' }];
    (first as { version: string }).version = '0.0';
    expect(JSON.stringify(renderCard('access', accessData(2, 3), texts))).toBe(expected);
  });

  it('keeps the repeated parts of one render out of the next (arrays bound with $data)', () => {
    const many = JSON.stringify(renderCard('access', accessData(6, 10), texts));
    const none = JSON.stringify(renderCard('access', accessData(0, 1), texts));
    expect(many).toContain('Collega 5');
    expect(none).not.toContain('Collega 5');
  });
});
