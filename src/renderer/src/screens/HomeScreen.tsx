import { useState } from 'react';
import type { TrackSummary } from '../../../shared/protocol';
import { LoadableView } from '../components/LoadableView';
import { UnfinishedInterview } from '../components/UnfinishedInterview';
import { useCall } from '../transport/transport-context';
import { loadSetupChoices, rememberSetupChoice } from './setup-choices';
import { SetupForm } from './SetupForm';

/** Home / Setup: continue an unfinished interview, or pick a track and start one. */
export function HomeScreen() {
  const { state, reload } = useCall('tracks.list', undefined);
  const [trackId, setTrackId] = useState<string | undefined>(() => loadSetupChoices().track);
  const choose = (id: string): void => {
    setTrackId(id);
    rememberSetupChoice({ track: id });
  };
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
                <TrackCard key={track.id} track={track} selected={track.id === trackId} onSelect={() => choose(track.id)} />
              ))}
            </ul>
            {/* A remembered track that this build no longer has is not offered. */}
            {tracks.some((track) => track.id === trackId) && <SetupForm trackId={trackId!} />}
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
        {/* Selection is shown by a filled card and this mark, focus by the outline alone. */}
        {selected && (
          <span className="track-selected" aria-hidden="true">
            ✓ Selected
          </span>
        )}
        <strong>{track.title}</strong>
        <span>{track.description}</span>
        <small className="muted">{track.questionCount} questions</small>
      </button>
    </li>
  );
}
