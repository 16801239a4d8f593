import type { Spec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { Distribution, KijkwijzerSummary } from '../domain/directieSummary/kijkwijzerComparison';
import type { Shown } from '../domain/directieSummary/suppression';
import { textsFor, type Texts } from '../texts';

/**
 * The kijkwijzer chart of the directie summary, drawn on the server: Vega-Lite → Vega SVG (no
 * browser, renderer "none") → PNG with resvg. The picture carries its own light panel, so it
 * reads the same in Teams' light and dark themes. Only shown numbers go in: a hidden count is
 * drawn as one grey "< 3" segment, never split into its parts.
 */
const colors = { plus: '#2e7d32', partly: '#f9a825', minus: '#c62828', hidden: '#9e9e9e' };
/** Statements are numbered in the chart; the card lists them in full with the same numbers, so the picture stays narrow enough to read in a Teams card. */
function label(index: number): string {
  return String(index + 1);
}

const count = (shown: Shown) => (shown.kind === 'count' ? shown.value : 0);

function segments(distribution: Distribution, texts: Texts) {
  if (distribution.total.kind !== 'count' || distribution.total.value === 0) return [];
  const words = texts.summary.ratingLabels;
  const shown = count(distribution.plus) + count(distribution.partly) + count(distribution.minus);
  return [
    { rating: words.plus, order: 0, value: count(distribution.plus) },
    { rating: words.partly, order: 1, value: count(distribution.partly) },
    { rating: words.minus, order: 2, value: count(distribution.minus) },
    { rating: words.hidden, order: 3, value: distribution.total.value - shown },
  ].filter((segment) => segment.value > 0);
}

export function chartSpec(kijkwijzer: KijkwijzerSummary, texts: Texts = textsFor()): TopLevelSpec {
  const rounds = texts.summary.roundLabels;
  const values = kijkwijzer.statements.flatMap((statement, index) =>
    (
      [
        [rounds.nulmeting, 0, statement.nulmeting],
        [rounds.previous, 1, statement.previous],
        [rounds.current, 2, statement.current],
      ] as const
    ).flatMap(([round, roundOrder, distribution]) =>
      distribution ? segments(distribution, texts).map((segment) => ({ statement: label(index), round, roundOrder, ...segment })) : [],
    ),
  );
  const words = texts.summary.ratingLabels;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: texts.summary.chartTitle, color: '#212121', anchor: 'start' },
    background: '#ffffff',
    padding: 16,
    width: 380,
    config: {
      font: 'DejaVu Sans, sans-serif',
      view: { stroke: null },
      title: { fontSize: 16 },
      axis: { labelColor: '#212121', titleColor: '#212121', labelFontSize: 12 },
      legend: { labelColor: '#212121', titleColor: '#212121', labelFontSize: 12 },
    },
    data: { values },
    mark: { type: 'bar', height: { band: 0.9 } },
    height: { step: 18 },
    encoding: {
      y: { field: 'statement', type: 'nominal', title: texts.summary.chartStatementAxis, axis: { labelFontSize: 14, titleFontSize: 12 }, sort: null },
      yOffset: { field: 'round', type: 'nominal', sort: [rounds.nulmeting, rounds.previous, rounds.current] },
      x: { field: 'value', type: 'quantitative', stack: 'normalize', title: null, axis: { format: '%' } },
      color: {
        field: 'rating',
        type: 'nominal',
        title: null,
        scale: { domain: [words.plus, words.partly, words.minus, words.hidden], range: [colors.plus, colors.partly, colors.minus, colors.hidden] },
        legend: { orient: 'bottom', columns: 4 },
      },
      order: { field: 'order', type: 'quantitative' },
      // Lighter bars are older rounds; the legend names them.
      opacity: {
        field: 'round',
        type: 'ordinal',
        sort: [rounds.nulmeting, rounds.previous, rounds.current],
        title: null,
        scale: { domain: [rounds.nulmeting, rounds.previous, rounds.current], range: [0.4, 0.7, 1] },
        legend: { orient: 'bottom', columns: 3, symbolFillColor: '#2e7d32' },
      },
    },
  };
}

/**
 * The Vega spec the picture is drawn from. Its two legends go under the plot one above the other:
 * side by side they were wider than the plot, set the picture's width and left the last round
 * ("Nu") against the right edge, cut off by any font a little wider than Vega's estimate.
 * Vega-Lite has no setting for how the legends of one side are laid out; Vega has.
 */
export async function chartVegaSpec(kijkwijzer: KijkwijzerSummary, texts: Texts = textsFor()): Promise<Spec> {
  const { compile } = await import('vega-lite');
  const spec = compile(chartSpec(kijkwijzer, texts)).spec;
  const legend = { ...spec.config?.legend, layout: { bottom: { direction: 'vertical' as const, anchor: 'start' as const, margin: 6 } } };
  return { ...spec, config: { ...spec.config, legend } };
}

/** The PNG, or undefined when there is nothing to draw (no round, or every count hidden). */
export async function renderSummaryChart(kijkwijzer: KijkwijzerSummary | undefined, texts: Texts = textsFor()): Promise<Buffer | undefined> {
  const svg = await summaryChartSvg(kijkwijzer, texts);
  if (svg === undefined) return undefined;
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'zoom', value: 2 } }).render().asPng();
}

/** The chart as SVG at its layout size (the PNG is drawn from it at twice that size). */
export async function summaryChartSvg(kijkwijzer: KijkwijzerSummary | undefined, texts: Texts = textsFor()): Promise<string | undefined> {
  if (!kijkwijzer) return undefined;
  const spec = chartSpec(kijkwijzer, texts);
  if ((spec.data as { values: unknown[] }).values.length === 0) return undefined;
  // Loaded on first use: half a second of start-up every instance would otherwise pay.
  const [vega, vegaSpec] = await Promise.all([import('vega'), chartVegaSpec(kijkwijzer, texts)]);
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
