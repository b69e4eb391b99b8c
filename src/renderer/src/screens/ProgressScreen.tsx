import { useMemo } from 'react';
import type { ProgressReport } from '../../../shared/protocol';
import { progressCharts } from '../../../shared/report/progress-charts';
import { formatDuration } from '../../../shared/report/report-wording';
import { ChartNumbers, LineChart } from '../components/LineChart';
import { LoadableView } from '../components/LoadableView';
import { useCall } from '../transport/transport-context';

/**
 * Progress over time (issue #11): the score trend of each track, the weaknesses that recur
 * across interviews, speaking pace and filler words where speech recognition heard the answers,
 * and the time practised. Every chart has its text alternative and its numbers in a table.
 */
export function ProgressScreen() {
  const { state, reload } = useCall('progress.get', undefined);
  return (
    <section className="screen progress">
      <h1>Progress</h1>
      <LoadableView state={state} retry={reload}>
        {(report) => <Progress report={report} />}
      </LoadableView>
    </section>
  );
}

const plural = (n: number, noun: string): string => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

function Progress({ report }: { report: ProgressReport }) {
  const charts = useMemo(() => progressCharts(report, { locale: navigator.language }), [report]);
  if (report.practice.interviews === 0) {
    return (
      <p className="muted" data-testid="progress-empty">
        Finish an interview to see your progress here.
      </p>
    );
  }
  const fullInterviews = report.practice.interviews - report.practice.retakes;
  return (
    <>
      <div className="panel" data-testid="progress-practice">
        <h2>Time practised</h2>
        <p>
          <strong>{formatDuration(report.practice.activeMs)}</strong> in {plural(fullInterviews, 'interview')}
          {report.practice.retakes > 0 && ` and ${plural(report.practice.retakes, 'question')} practised again`}.
        </p>
        {charts.practice && (
          <>
            <LineChart chart={charts.practice.chart} testId="practice-chart" />
            <ChartNumbers table={charts.practice.table} caption="Time practised per month" testId="practice-table" />
          </>
        )}
      </div>
      <div className="panel">
        <h2>Score by track</h2>
        {charts.tracks.length === 0 && <p className="muted">No finished interview has a scored question yet.</p>}
        {charts.tracks.map((track) => (
          <div key={track.track} className="progress-track" data-testid="progress-track">
            <h3>{track.title}</h3>
            <p data-testid="track-summary">{track.summary}</p>
            <LineChart chart={track.chart} testId="track-chart" />
            <ChartNumbers table={track.table} caption={`${track.title}: overall score over time`} testId="track-table" />
          </div>
        ))}
      </div>
      <div className="panel" data-testid="progress-weaknesses">
        <h2>Weaknesses that recur</h2>
        {report.weaknesses.length === 0 ? (
          <p className="muted">No weakness has come up yet.</p>
        ) : (
          <ol>
            {report.weaknesses.map((weakness) => (
              <li key={weakness.text}>
                <strong>{weakness.text}</strong>: in {plural(weakness.interviews, 'interview')} of {fullInterviews.toLocaleString()} ({plural(weakness.answers, 'answer')})
                {weakness.details.length > 0 && <span className="muted"> — most often {weakness.details.join(', ')}</span>}
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="panel" data-testid="progress-speaking">
        <h2>Speaking</h2>
        {charts.speaking ? (
          <>
            <h3>Words per minute</h3>
            <LineChart chart={charts.speaking.pace} testId="pace-chart" />
            <h3>Filler words per minute</h3>
            <LineChart chart={charts.speaking.fillers} testId="fillers-chart" />
            <ChartNumbers table={charts.speaking.table} caption="Speaking pace and filler words over time" testId="speaking-table" />
            <p className="muted">From spoken answers that speech recognition heard; recognisers drop many fillers, so those are at least this many.</p>
          </>
        ) : (
          <p className="muted">Pace and filler words need spoken answers that speech recognition heard; none yet.</p>
        )}
      </div>
    </>
  );
}
