import { describeGoal, meets, ratioOf, type Goal } from './stats';

/**
 * One line of the results table: a figure measured in this run, the floor it is compared with
 * (measured in the same run), and the goal from issue #16. A missed goal stays in the table.
 */
export interface Figure {
  /** Item of the issue (1 turns, 2 round trips, 3 upload, 4 school board, 5 cold start, 0 component). */
  item: number;
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  goal?: string;
  met?: boolean;
  /** Anything a reader needs to judge the figure (sizes, what was counted). */
  note?: string;
}

/** A figure the issue asks for that this run could not measure, and why. */
export interface MissingFigure {
  item: number;
  name: string;
  reason: string;
}

export function figure(input: { item: number; name: string; value: number; unit: string; baseline?: { name: string; value: number }; goal?: Goal; note?: string }): Figure {
  const ratio = input.baseline ? ratioOf(input.value, input.baseline.value) : undefined;
  const judged = input.goal && (input.goal.on === 'ratio' ? ratio : input.value);
  return {
    item: input.item,
    name: input.name,
    value: input.value,
    unit: input.unit,
    baseline: input.baseline,
    ratio,
    goal: input.goal && describeGoal(input.goal, input.unit),
    met: input.goal && judged !== undefined ? meets(input.goal, judged) : undefined,
    note: input.note,
  };
}

function formatValue(value: number, unit: string): string {
  // A count (messages lost, 429s) is a whole number: shown as one.
  if (unit === '' && Number.isInteger(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

/** The table for bench/README.md and the console: figure, baseline, ratio, goal, met or not. */
export function markdownTable(figures: readonly Figure[], missing: readonly MissingFigure[]): string {
  const rows = figures.map((f) =>
    [
      f.item,
      f.name,
      formatValue(f.value, f.unit),
      f.baseline ? `${f.baseline.name}: ${formatValue(f.baseline.value, f.unit)}` : '',
      f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`,
      f.goal ?? '',
      f.met === undefined ? '' : f.met ? 'met' : '**missed**',
    ].join(' | '),
  );
  const missingRows = missing.map((m) => [m.item, m.name, '–', '', '', '', `missing: ${m.reason}`].join(' | '));
  return ['| # | figure | value | baseline | ratio | goal | met |', '|---|---|---|---|---|---|---|', ...[...rows, ...missingRows].map((row) => `| ${row} |`)].join('\n');
}
