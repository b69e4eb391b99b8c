import { useState } from 'react';
import { AnswerMode, InterviewLength, Level, type TrackSummary } from '../../../shared/protocol';
import { LoadableView } from '../components/LoadableView';
import { useAppStore } from '../store/app-store';
import { useCall, useTransport } from '../transport/transport-context';

/** Home / Setup: pick a track, then how long, how hard and how to answer. */
export function HomeScreen() {
  const { state, reload } = useCall('tracks.list', undefined);
  const [trackId, setTrackId] = useState<string | null>(null);
  return (
    <section className="screen">
      <h1>Practice an interview</h1>
      <p className="muted">Choose a track. Everything runs on this computer; nothing is sent anywhere unless you add a provider in Settings.</p>
      <LoadableView state={state} retry={reload}>
        {(tracks) => (
          <>
            <ul className="track-list" data-testid="track-list">
              {tracks.map((track) => (
                <TrackCard key={track.id} track={track} selected={track.id === trackId} onSelect={() => setTrackId(track.id)} />
              ))}
            </ul>
            {trackId && <SetupForm trackId={trackId} />}
          </>
        )}
      </LoadableView>
    </section>
  );
}

function TrackCard({ track, selected, onSelect }: { track: TrackSummary; selected: boolean; onSelect(): void }) {
  return (
    <li>
      <button type="button" className={`track-card${selected ? ' selected' : ''}`} aria-pressed={selected} onClick={onSelect}>
        <strong>{track.title}</strong>
        <span>{track.description}</span>
        <small className="muted">{track.questionCount} questions</small>
      </button>
    </li>
  );
}

function SetupForm({ trackId }: { trackId: string }) {
  const transport = useTransport();
  const connected = useAppStore((s) => s.connection === 'connected');
  const [level, setLevel] = useState<Level>('mid');
  const [length, setLength] = useState<InterviewLength>('quick');
  const [mode, setMode] = useState<AnswerMode>('text');
  const [jobDescription, setJobDescription] = useState('');

  const start = (): void => {
    transport.send({
      type: 'start',
      config: { track: trackId, level, length, mode, ...(jobDescription.trim() ? { jobDescription } : {}) },
    });
  };

  return (
    <form
      className="panel setup"
      aria-label="Interview setup"
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <Choice<Level> label="Level" value={level} options={Level.options} onChange={setLevel} />
      <Choice<InterviewLength> label="Length" value={length} options={InterviewLength.options} onChange={setLength} />
      <Choice<AnswerMode> label="Answer by" value={mode} options={AnswerMode.options} onChange={setMode} />
      <label className="field">
        <span>Job description (optional)</span>
        <textarea value={jobDescription} rows={4} onChange={(e) => setJobDescription(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!connected}>
        Start interview
      </button>
    </form>
  );
}

function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly T[]; onChange(value: T): void }) {
  return (
    <fieldset className="choice">
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="radio" name={label} value={option} checked={value === option} onChange={() => onChange(option)} />
          {option}
        </label>
      ))}
    </fieldset>
  );
}
