import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { formatClock } from '../../../shared/report/report-wording';

/**
 * A recording's waveform from peaks the engine computed (no decoding in the page), with
 * play/pause and click-to-seek (issue #4).
 */
export function Waveform({ url, peaks, durationMs, label }: { url: string; peaks: number[]; durationMs: number; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const surfer = useRef<WaveSurfer | null>(null);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const instance = WaveSurfer.create({
      container: container.current,
      url,
      peaks: [peaks],
      duration: durationMs / 1000,
      height: 48,
      waveColor: '#9aa6c8',
      progressColor: '#2f5bea',
      cursorWidth: 1,
      barWidth: 2,
      barGap: 1,
      normalize: true,
    });
    instance.on('play', () => setPlaying(true));
    instance.on('pause', () => setPlaying(false));
    instance.on('finish', () => setPlaying(false));
    surfer.current = instance;
    return () => {
      instance.destroy();
      surfer.current = null;
    };
  }, [url, peaks, durationMs]);

  return (
    <div className="waveform" data-testid="waveform">
      <button type="button" aria-label={`${playing ? 'Pause' : 'Play'} ${label}`} onClick={() => void surfer.current?.playPause()}>
        {playing ? '❚❚' : '▶'}
      </button>
      <div className="waveform-track" ref={container} />
      <span className="muted">{formatClock(durationMs)}</span>
    </div>
  );
}

