import { useState } from 'react';
import type { TrackSummary } from '../../../shared/protocol';
import { LoadableView } from '../components/LoadableView';
import { UnfinishedInterview } from '../components/UnfinishedInterview';
import { useCall } from '../transport/transport-context';
import { SetupForm } from './SetupForm';

/** Home / Setup: continue an unfinished interview, or pick a track and start one. */
export function HomeScreen() {
  const { state, reload } = useCall('tracks.list', undefined);
  const [trackId, setTrackId] = useState<string | null>(null);
  return (
    <section className="screen">
      <h1>Practice an interview</h1>
      <UnfinishedInterview />
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
