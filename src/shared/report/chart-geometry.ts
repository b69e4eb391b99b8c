/**
 * Charts as geometry (DESIGN.md §9): pure numbers computed once, drawn by the report screen
 * with React and serialised to SVG by the HTML export and to vector paths by the PDF export.
 * Coordinates are in a chart's own units (its `width` × `height`), y growing downwards as in
 * SVG.
 */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Waveform bars in a report: enough to see the shape of an answer, small in a file. */
export const WAVEFORM_BARS = 120;

/** Peaks reduced to at most `bars` values, each the loudest of the peaks it stands for. */
export function reducePeaks(peaks: readonly number[], bars = WAVEFORM_BARS): number[] {
  if (peaks.length <= bars) return peaks.map(roundPeak);
  const reduced: number[] = [];
  for (let i = 0; i < bars; i += 1) {
    const from = Math.floor((i * peaks.length) / bars);
    const to = Math.max(from + 1, Math.floor(((i + 1) * peaks.length) / bars));
    let loudest = 0;
    for (let j = from; j < to; j += 1) loudest = Math.max(loudest, peaks[j]!);
    reduced.push(roundPeak(loudest));
  }
  return reduced;
}

const roundPeak = (peak: number): number => Math.round(Math.min(1, Math.max(0, peak)) * 1000) / 1000;

export interface WaveformGeometry {
  width: number;
  height: number;
  bars: Bar[];
}

/** Mirrored bars around the middle line, scaled so the loudest reaches the edge (as the player does). */
export function waveformGeometry(peaks: readonly number[], width = 480, height = 40): WaveformGeometry {
  if (peaks.length === 0) return { width, height, bars: [] };
  const loudest = Math.max(...peaks, 0.001);
  const step = width / peaks.length;
  const barWidth = Math.max(step * 0.7, 0.5);
  const middle = height / 2;
  const bars = peaks.map((peak, i) => {
    const half = Math.max((peak / loudest) * middle, 0.5);
    return { x: round2(i * step), y: round2(middle - half), width: round2(barWidth), height: round2(half * 2) };
  });
  return { width, height, bars };
}

export interface ScoreBar extends Bar {
  /** The main question's number, shown under its bar. */
  label: string;
  score: number;
  band: 'strong' | 'fair' | 'weak';
  labelX: number;
}

export interface ScoreChartGeometry {
  width: number;
  height: number;
  /** The plotting area: bars stand on `plot.bottom`. */
  plot: { left: number; right: number; top: number; bottom: number };
  bars: ScoreBar[];
  /** Horizontal grid lines at 0, 5 and 10. */
  gridLines: { y: number; label: string }[];
  /** A text alternative (issue #11: every chart has one). */
  description: string;
}

/** Bands as the report colours them: 8+ strong, 5+ fair, below weak. */
export const scoreBand = (score: number): ScoreBar['band'] => (score >= 8 ? 'strong' : score >= 5 ? 'fair' : 'weak');

/** One bar per counted main question: its counted score out of 10. */
export function scoreChartGeometry(scores: readonly { mainNumber: number; score: number }[], width = 480, height = 160): ScoreChartGeometry {
  const plot = { left: 28, right: width - 8, top: 8, bottom: height - 22 };
  const plotHeight = plot.bottom - plot.top;
  const slot = scores.length === 0 ? 0 : (plot.right - plot.left) / scores.length;
  const barWidth = Math.min(slot * 0.7, 36);
  const bars = scores.map(({ mainNumber, score }, i) => {
    const barHeight = (Math.min(10, Math.max(0, score)) / 10) * plotHeight;
    const x = plot.left + i * slot + (slot - barWidth) / 2;
    return {
      x: round2(x),
      y: round2(plot.bottom - barHeight),
      width: round2(barWidth),
      height: round2(barHeight),
      label: String(mainNumber),
      score,
      band: scoreBand(score),
      labelX: round2(x + barWidth / 2),
    };
  });
  const gridLines = [0, 5, 10].map((value) => ({ y: round2(plot.bottom - (value / 10) * plotHeight), label: String(value) }));
  const description =
    scores.length === 0
      ? 'No main question was scored.'
      : `Score per main question, out of 10: ${scores.map(({ mainNumber, score }) => `question ${mainNumber}: ${score}`).join('; ')}.`;
  return { width, height, plot, bars, gridLines, description };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export interface LinePoint {
  x: number;
  y: number;
  value: number;
}

export interface LineChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  points: LinePoint[];
  /** An SVG path through the points, in time order ("M x y L x y …"). */
  path: string;
  gridLines: { y: number; label: string }[];
  /** The first and last moments under the line, where they differ. */
  timeLabels: { x: number; label: string }[];
  /** A text alternative (issue #11: every chart has one). */
  description: string;
}

/**
 * A line over time (issue #11, Progress): each value at its moment, x in proportion to time,
 * y from `min` to `max`, grid lines at `grid`. One point stands in the middle.
 */
export function lineChartGeometry(
  values: readonly { at: number; value: number }[],
  scale: { min: number; max: number; grid: readonly number[]; timeLabel: (at: number) => string; description: string },
  width = 480,
  height = 160,
): LineChartGeometry {
  const plot = { left: 36, right: width - 12, top: 8, bottom: height - 22 };
  const first = values[0]?.at ?? 0;
  const span = (values.at(-1)?.at ?? first) - first;
  const x = (at: number): number => round2(span === 0 ? (plot.left + plot.right) / 2 : plot.left + ((at - first) / span) * (plot.right - plot.left));
  const range = scale.max - scale.min || 1;
  const y = (value: number): number => round2(plot.bottom - ((Math.min(scale.max, Math.max(scale.min, value)) - scale.min) / range) * (plot.bottom - plot.top));
  const points = values.map(({ at, value }) => ({ x: x(at), y: y(value), value }));
  const path = points.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
  const last = values.at(-1);
  const timeLabels =
    values.length === 0 ? [] : span === 0 ? [{ x: x(first), label: scale.timeLabel(first) }] : [{ x: plot.left, label: scale.timeLabel(first) }, { x: plot.right, label: scale.timeLabel(last!.at) }];
  const gridLines = scale.grid.map((value) => ({ y: y(value), label: String(value) }));
  return { width, height, plot, points, path, gridLines, timeLabels, description: scale.description };
}

/** A round upper bound for a scale: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((nice) => nice >= value)!;
}
