import { parse } from 'csv-parse/sync';
import { buildRoundCsv } from '../../../src/domain/kijkwijzer/csvExport';
import { draftNoteContent } from '../../../src/domain/kijkwijzer/draftNote';
import type { RoundFigures } from '../../../src/domain/kijkwijzer/roundFigures';
import { fillIn } from '../../../src/texts/fillIn';
import { nlKijkwijzer } from '../../../src/texts/nlKijkwijzer';

const words = { headers: nlKijkwijzer.csvHeaders, tooFew: nlKijkwijzer.tooFew, isNew: nlKijkwijzer.isNew };
const noteWords = {
  ...nlKijkwijzer.draftNote,
  roundName: (sequence: number) => (sequence === 1 ? 'nulmeting' : `meting ${sequence}`),
  fill: fillIn,
  date: (date: Date) => date.toISOString().slice(0, 10),
};

function figures(sequence: number, rows: [string, string, number, number, number, number][]): RoundFigures {
  return {
    roundId: `r${sequence}`,
    sequence,
    startedAt: new Date('2026-11-02T09:00:00Z'),
    closesAt: new Date('2026-11-13T23:00:00Z'),
    closedAt: new Date('2026-11-13T23:00:00Z'),
    invited: 8,
    completed: 6,
    statements: rows.map(([statementId, text, plus, partly, minus, werkpunt]) => ({ statementId, text, counts: { plus, partly, minus }, winstpunt: 1, werkpunt, actiepunt: 0 })),
  };
}

const nulmeting = figures(1, [['k1', 'Een; met "quote"', 1, 2, 3, 0], ['k2', 'Twee', 3, 3, 0, 0]]);
const meting2 = figures(2, [['k1', 'Een; met "quote"', 4, 1, 1, 4], ['k2', 'Twee', 1, 1, 0, 2], ['k3', 'Drie ë', 2, 1, 0, 1]]);

describe('the CSV for Dutch Excel', () => {
  const csv = buildRoundCsv({ current: meting2, nulmeting, previous: nulmeting }, { k1: 2, k2: 1, k3: 0 }, words);

  it('starts with a BOM, uses semicolons and CRLF, and has a header plus one row per statement', () => {
    expect(csv.startsWith('\uFEFFNr;Stelling;')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    const rows = parse(csv.slice(1), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual([...nlKijkwijzer.csvHeaders]);
    expect(rows[1]).toEqual(['1', 'Een; met "quote"', '6', '4', '1', '1', '67', '17', '16', '1', '4', '0', '2', '+50', '+50']);
  });

  it('shows only "te weinig antwoorden" for a statement with fewer than three answers, notes included', () => {
    const rows = parse(csv.slice(1), { delimiter: ';' }) as string[][];
    expect(rows[2]).toEqual(['2', 'Twee', 'te weinig antwoorden', '', '', '', '', '', '', '', '', '', '', 'te weinig antwoorden', 'te weinig antwoorden']);
    expect(rows[3]!.slice(-2)).toEqual(['nieuw', 'nieuw']);
    expect(rows[3]![1]).toBe('Drie ë');
  });
});

describe('the draft note', () => {
  it('names the response, the statements with most werkpunten and the largest changes since the nulmeting', () => {
    const note = draftNoteContent({ current: meting2, nulmeting, previous: nulmeting }, noteWords);
    expect(note.title).toContain('meting 2');
    expect(note.paragraphs.join(' ')).toContain('6 van de 8 collega’s');
    expect(note.paragraphs.join(' ')).toContain('75%');
    expect(note.paragraphs.join(' ')).toContain('1 stelling(en) kregen minder dan 3 antwoorden');
    expect(note.sections[0]!.items).toEqual(['Een; met "quote" (4 keer werkpunt, 0 keer actiepunt)', 'Drie ë (1 keer werkpunt, 0 keer actiepunt)']);
    expect(note.sections[1]!.items).toEqual(['Een; met "quote": 50 procentpunt meer collega’s vinden dit op orde (+) dan bij de nulmeting.']);
    expect(note.sections[2]!.heading).toBe('Aanbevelingen');
  });

  it('for the nulmeting says so instead of comparing, and without werkpunten says that', () => {
    const note = draftNoteContent({ current: nulmeting }, noteWords);
    expect(note.sections[1]!.items).toEqual([nlKijkwijzer.draftNote.isNulmeting]);
    expect(note.sections[0]!.items).toEqual([nlKijkwijzer.draftNote.noWerkpunten]);
  });

  it('a fall is described as fewer', () => {
    const lower = figures(3, [['k2', 'Twee', 0, 3, 3, 0]]);
    expect(draftNoteContent({ current: lower, nulmeting, previous: meting2 }, noteWords).sections[1]!.items[0]).toContain('50 procentpunt minder');
  });
});
