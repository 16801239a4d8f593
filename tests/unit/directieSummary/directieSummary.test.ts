import { renderSummaryChart } from '../../../src/cards/summaryChart';
import { directieSummaryCard, summaryCsv } from '../../../src/cards/summaryCards';
import { buildDirectieSummary } from '../../../src/domain/directieSummary/directieSummary';
import type { SummaryPeriod } from '../../../src/domain/directieSummary/schedule';
import { comparison, intakeAppointment, secrets, trajectory } from './summaryFixtures';

// Rendering loads Vega and resvg on first use, which takes seconds on a busy machine.
jest.setTimeout(20_000);

const period: SummaryPeriod = { key: 'month-2026-12', kind: 'monthly', start: new Date('2026-11-01T07:00:00Z'), end: new Date('2026-12-01T07:00:00Z'), dueAt: new Date('2026-12-01T07:00:00Z') };

const trajectories = [
  trajectory(1, { requested: '2026-11-03T09:00:00Z', events: [['intakeCompleted', '2026-11-10T10:00:00Z']] }),
  trajectory(2, { requested: '2026-11-04T09:00:00Z', kind: 'starter', events: [['intakeCompleted', '2026-11-12T10:00:00Z']] }),
  trajectory(3, { requested: '2026-11-05T09:00:00Z', kind: 'starter', events: [['intakeCompleted', '2026-11-19T10:00:00Z']] }),
  trajectory(4, { requested: '2026-09-01T09:00:00Z', events: [['intakeCompleted', '2026-09-08T10:00:00Z'], ['finalTalkCompleted', '2026-11-25T10:00:00Z']] }),
  trajectory(5, { requested: '2026-11-20T09:00:00Z', kind: 'starter' }),
];
const recordings = [
  { uploadedAt: new Date('2026-11-12T10:00:00Z') },
  { uploadedAt: new Date('2026-11-13T10:00:00Z') },
  { uploadedAt: new Date('2026-11-14T10:00:00Z') },
  { uploadedAt: new Date('2026-09-14T10:00:00Z'), deleteBy: new Date('2026-11-20T00:00:00Z'), deletedAt: new Date('2026-11-20T02:30:00Z') },
];

function summary(startingTeachers?: number) {
  return buildDirectieSummary({ trajectories, appointments: [intakeAppointment], recordings, startingTeachers, kijkwijzer: comparison }, period, new Date('2026-12-01T07:02:00Z'));
}

describe('the directie summary of a period', () => {
  it('counts requests, running and finished trajectories, with medians in school days', () => {
    const figures = summary().trajectories;
    expect(figures.newRequests).toEqual({ kind: 'count', value: 4 });
    expect(figures.running).toEqual({ kind: 'count', value: 4 });
    expect(figures.finished).toEqual({ kind: 'hidden' });
    // Intakes 3→10 Nov (the planned intake moment): 5, 4→12: 6, 5→19: 10 school days.
    expect(figures.medianSchoolDaysToIntake).toEqual({ kind: 'days', value: 6 });
    expect(figures.medianSchoolDaysToFinalTalk).toEqual({ kind: 'hidden' });
    expect(figures.teachersTakingPart).toEqual({ kind: 'count', value: 5 });
    // 3 starters among 5 teachers leaves 2 others, which the starters' count would reveal.
    expect(figures.startersWithTrajectory).toEqual({ kind: 'hidden' });
    expect(figures.recordingsMade).toEqual({ kind: 'count', value: 3 });
    expect(figures.recordingsDeletedOnTime).toEqual({ kind: 'hidden' });
    expect(summary().late).toBe(false);
  });

  it('hides the starters when the rest of the teachers (or of the starters) would be under three', () => {
    // 5 teachers of whom 3 starters leaves 2 others: the starters would reveal them.
    expect(summary(10).trajectories.startersWithTrajectory).toEqual({ kind: 'hidden' });
    expect(summary(10).trajectories.startersShare).toEqual({ kind: 'hidden' });
  });

  it('shows the share of starters when no small number can be worked out, and counts overdue recordings', () => {
    const many = Array.from({ length: 10 }, (_, index) => trajectory(index + 10, { requested: '2026-11-0' + String((index % 9) + 1) + 'T09:00:00Z', kind: index < 4 ? 'starter' : 'group' }));
    const overdue = Array.from({ length: 3 }, () => ({ uploadedAt: new Date('2026-06-01T10:00:00Z'), deleteBy: new Date('2026-11-01T00:00:00Z') }));
    const late = Array.from({ length: 2 }, () => ({ uploadedAt: new Date('2026-06-01T10:00:00Z'), deleteBy: new Date('2026-10-01T00:00:00Z'), deletedAt: new Date('2026-11-05T02:30:00Z') }));
    const onTime = Array.from({ length: 3 }, () => ({ uploadedAt: new Date('2026-06-01T10:00:00Z'), deleteBy: new Date('2026-11-05T00:00:00Z'), deletedAt: new Date('2026-11-05T02:30:00Z') }));
    const figures = buildDirectieSummary({ trajectories: many.map((t, i) => ({ ...t, teacher: { ...t.teacher, userId: `teacher-many-${i}` } })), appointments: [], recordings: [...overdue, ...late, ...onTime], startingTeachers: 8 }, period, period.end).trajectories;
    expect(figures.teachersTakingPart).toEqual({ kind: 'count', value: 10 });
    expect(figures.startersWithTrajectory).toEqual({ kind: 'count', value: 4 });
    expect(figures.startersShare).toEqual({ kind: 'percent', value: 50 });
    expect(figures.recordingsDeletedOnTime).toEqual({ kind: 'count', value: 3 });
    expect(figures.recordingsDeletedLateOrOverdue).toEqual({ kind: 'count', value: 5 });
    // 4 of 5 starters would leave 1 without a trajectory: then neither count nor share is shown.
    const five = buildDirectieSummary({ trajectories: many.map((t, i) => ({ ...t, teacher: { ...t.teacher, userId: `teacher-many-${i}` } })), appointments: [], recordings: [], startingTeachers: 5 }, period, period.end).trajectories;
    expect(five.startersWithTrajectory).toEqual({ kind: 'hidden' });
    expect(five.startersShare).toEqual({ kind: 'hidden' });
  });

  it('shows the kijkwijzer per statement with arrows, and hides small counts', () => {
    const kijkwijzer = summary().kijkwijzer!;
    expect(kijkwijzer.current.sequence).toBe(3);
    expect(kijkwijzer.current.responseRate).toEqual({ kind: 'percent', value: 90 });
    expect(kijkwijzer.statements[0].current).toEqual({ plus: { kind: 'count', value: 12 }, partly: { kind: 'hidden' }, minus: { kind: 'hidden' }, total: { kind: 'count', value: 18 } });
    expect(kijkwijzer.statements[0].sincePrevious).toBe('up');
    expect(kijkwijzer.statements[0].sinceNulmeting).toBe('up');
    expect(kijkwijzer.statements[2].sincePrevious).toBe('down');
    expect(kijkwijzer.statements[1].current.minus).toEqual({ kind: 'count', value: 3 });
  });

  it('is one short line for a period without anything', () => {
    const empty = buildDirectieSummary({ trajectories: [], appointments: [], recordings: [] }, period, period.end);
    expect(empty.empty).toBe(true);
    const card = JSON.stringify(directieSummaryCard(empty, { schoolName: 'De Regenboog', reportPeriod: period.key }));
    expect(card).toContain('In deze periode is er niets te melden over SVIB.');
    expect(card).not.toContain('FactSet');
    expect(card).not.toContain('Action.Execute');
  });

  it('never puts a name, hulpvraag, note or id in the card, the CSV or the image', async () => {
    const built = summary(10);
    const png = await renderSummaryChart(built.kijkwijzer);
    const card = JSON.stringify(directieSummaryCard(built, { schoolName: 'De Regenboog', chartUrl: `data:image/png;base64,${png!.toString('base64')}`, reportPeriod: period.key }));
    const full = JSON.stringify(directieSummaryCard(built, { schoolName: 'De Regenboog', full: true }));
    const csv = summaryCsv(built);
    const metadata = pngTextChunks(png!);
    for (const secret of [...secrets.names, ...secrets.hulpvragen, ...secrets.notes, ...secrets.ids]) {
      for (const output of [card, full, csv, metadata]) expect(output).not.toContain(secret);
    }
    expect(card).toContain('< 3');
  });

  it('keeps the card under 80 KB without its image', () => {
    const card = directieSummaryCard(summary(), { schoolName: 'De Regenboog', reportPeriod: period.key });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
  });

  it('draws the chart as a PNG of sensible size', async () => {
    const png = (await renderSummaryChart(summary().kijkwijzer))!;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(300);
    // Drawn at twice its layout size, so it stays sharp on high-density screens.
    expect(width).toBeLessThan(2400);
    expect(height).toBeGreaterThan(100);
    expect(height).toBeLessThan(2400);
    expect(png.length).toBeLessThan(200 * 1024);
  });
});

/** Every chunk of the PNG except the pixels: where metadata (tEXt, iTXt, zTXt, eXIf) would be. */
function pngTextChunks(png: Buffer): string {
  const parts: string[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type !== 'IDAT') parts.push(type, png.toString('latin1', offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return parts.join(' ');
}
