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
