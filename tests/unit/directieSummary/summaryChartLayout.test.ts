import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { chartVegaSpec, summaryChartSvg } from '../../../src/cards/summaryChart';
import { buildDirectieSummary } from '../../../src/domain/directieSummary/directieSummary';
import type { SummaryPeriod } from '../../../src/domain/directieSummary/schedule';
import type { KijkwijzerSummary } from '../../../src/domain/directieSummary/kijkwijzerComparison';
import { textsFor } from '../../../src/texts';
import { comparison } from './summaryFixtures';

// Rendering loads Vega and resvg on first use, which takes seconds on a busy machine.
jest.setTimeout(20_000);

const period: SummaryPeriod = { key: 'month-2026-12', kind: 'monthly', start: new Date('2026-11-01T07:00:00Z'), end: new Date('2026-12-01T07:00:00Z'), dueAt: new Date('2026-12-01T07:00:00Z') };
const allRounds = buildDirectieSummary({ trajectories: [], appointments: [], recordings: [], kijkwijzer: comparison }, period, period.end).kijkwijzer!;
const onlyThisRound: KijkwijzerSummary = { ...allRounds, previous: undefined, nulmeting: undefined, statements: allRounds.statements.map((row) => ({ ...row, previous: undefined, nulmeting: undefined })) };

interface Box {
  text: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** Where Vega put the plot and each legend label (with the width it reserved for it), in the SVG's pixels. */
async function layout(kijkwijzer: KijkwijzerSummary) {
  const view = new View(parse(await chartVegaSpec(kijkwijzer)), { renderer: 'none' });
  await view.runAsync();
  const padding = view.padding() as { left: number; top: number };
  const [originX, originY] = view.origin();
  const labels: Box[] = [];
  type Item = { x?: number; y?: number; text?: string; bounds: { x1: number; x2: number; y1: number; y2: number }; items?: Mark[] };
  type Mark = { marktype: string; role: string; items: Item[] };
  const walk = (mark: Mark, dx: number, dy: number) => {
    for (const item of mark.items) {
      if (mark.role === 'legend-label') labels.push({ text: String(item.text), x1: dx + item.bounds.x1, x2: dx + item.bounds.x2, y1: dy + item.bounds.y1, y2: dy + item.bounds.y2 });
      if (mark.marktype === 'group') for (const child of item.items ?? []) walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
    }
  };
  walk((view.scenegraph() as unknown as { root: Mark }).root, padding.left + originX, padding.top + originY);
  const svg = await view.toSVG();
  view.finalize();
  const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  const plot = { x1: padding.left + originX, x2: padding.left + originX + view.width() };
  return { labels, plot, width: Number(size[1]), height: Number(size[2]) };
}

/** The right- and bottom-most drawn pixel of the SVG with the fonts resvg really uses, on a canvas wider and higher than the image. */
function drawnExtent(svg: string, width: number, height: number) {
  const room = 200;
  const unframed = svg
    .replace(`<rect width="${width}" height="${height}" fill="#ffffff"/>`, '')
    .replace(`width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`, `width="${width + room}" height="${height + room}" viewBox="0 0 ${width + room} ${height + room}"`);
  expect(unframed).not.toContain(`width="${width}" height="${height}"`);
  const image = new Resvg(unframed, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
  // A getter that copies every pixel out of resvg: read it once.
  const pixels = image.pixels;
  let right = 0;
  let bottom = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (pixels[(y * image.width + x) * 4 + 3] === 0) continue;
      right = Math.max(right, x + 1);
      bottom = Math.max(bottom, y + 1);
    }
  }
  return { right, bottom };
}

describe('the layout of the directie summary chart', () => {
  const rounds = textsFor().summary.roundLabels;

  it.each([
    ['three rounds', allRounds, [rounds.nulmeting, rounds.previous, rounds.current]],
    ['only this round', onlyThisRound, [rounds.current]],
  ])('keeps every legend label, "Nu" included, under the plot and inside the picture (%s)', async (_case, kijkwijzer, roundNames) => {
    const { labels, plot, width, height } = await layout(kijkwijzer);
    expect(labels.map((label) => label.text)).toEqual(expect.arrayContaining([...roundNames, textsFor().summary.ratingLabels.plus]));
    for (const label of labels) {
      // Side by side, the two legends were wider than the plot and widened the picture to the
      // last pixel of "Nu": a font any wider than Vega's estimate ran off the edge.
      expect([label.text, label.x2 <= plot.x2 + 1]).toEqual([label.text, true]);
      expect(label.x1).toBeGreaterThanOrEqual(0);
      expect(label.y2).toBeLessThanOrEqual(height);
      expect(label.x2).toBeLessThanOrEqual(width);
    }
  });

  it('draws everything, with the real font, inside the picture and clear of its edges', async () => {
    const svg = (await summaryChartSvg(allRounds))!;
    const [, width, height] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
    const drawn = drawnExtent(svg, width, height);
    const { plot } = await layout(allRounds);
    // The legend no longer sets the width: the widest thing is the plot with its last axis label.
    expect(width).toBeLessThan(plot.x2 + 16 + 40);
    expect(drawn.right).toBeLessThanOrEqual(width - 8);
    expect(drawn.bottom).toBeLessThanOrEqual(height - 8);
  });
});
