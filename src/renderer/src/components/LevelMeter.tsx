/** The microphone's input level, so the candidate sees they are being heard. */
export function LevelMeter({ levelDb }: { levelDb: number }) {
  // -60 dBFS (silence) to 0 dBFS (full scale) across the bar.
  const fraction = Math.max(0, Math.min(1, (levelDb + 60) / 60));
  return (
    <div className="level-meter" role="meter" aria-label="Microphone level" aria-valuemin={-60} aria-valuemax={0} aria-valuenow={Math.round(Math.max(-60, levelDb))}>
      <div className="level-meter-fill" style={{ transform: `scaleX(${fraction})` }} />
    </div>
  );
}
