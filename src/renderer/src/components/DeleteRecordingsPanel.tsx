import { useState } from 'react';
import type { RecordingsDeleted, RecordingsUsage } from '../../../shared/protocol';
import { useTransport } from '../transport/transport-context';
import { ConfirmDialog } from './ConfirmDialog';
import { megabytes } from './ModelRow';

/** "12 MB", or "340 kB" below a megabyte, where "0 MB" would hide that anything is freed. */
const size = (bytes: number): string => (bytes >= 1_000_000 ? megabytes(bytes) : `${Math.max(1, Math.round(bytes / 1_000))} kB`);
const plural = (n: number, noun: string): string => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

type Step =
  | { kind: 'idle' }
  | { kind: 'measuring' }
  | { kind: 'confirm'; usage: RecordingsUsage }
  | { kind: 'deleting' }
  | { kind: 'done'; deleted: RecordingsDeleted }
  | { kind: 'nothing' }
  | { kind: 'error'; message: string };

/**
 * Settings → Storage (issue #11): delete every recording and spoken question of finished
 * interviews, keeping what was said as text, every transcript and all the feedback. The space
 * it frees is measured and shown before anything is deleted.
 */
export function DeleteRecordingsPanel() {
  const transport = useTransport();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const failed = (error: unknown): void => setStep({ kind: 'error', message: error instanceof Error ? error.message : String(error) });

  const measure = async (): Promise<void> => {
    setStep({ kind: 'measuring' });
    try {
      const usage = await transport.call('recordings.usage', {});
      setStep(usage.files === 0 ? { kind: 'nothing' } : { kind: 'confirm', usage });
    } catch (error) {
      failed(error);
    }
  };
  const remove = async (): Promise<void> => {
    setStep({ kind: 'deleting' });
    try {
      setStep({ kind: 'done', deleted: await transport.call('recordings.deleteAll', {}) });
    } catch (error) {
      failed(error);
    }
  };

  return (
    <div className="panel" data-testid="delete-recordings">
      <h2>Recordings</h2>
      <p className="muted">Recordings of your answers and the spoken questions take space on this computer. Deleting them keeps every transcript, typed answer and all the feedback; reports then have no audio. Interviews not finished yet keep theirs.</p>
      <button type="button" className="danger" disabled={step.kind === 'measuring' || step.kind === 'deleting'} onClick={() => void measure()}>
        {step.kind === 'measuring' ? 'Measuring…' : step.kind === 'deleting' ? 'Deleting…' : 'Delete all recordings, keep transcripts'}
      </button>
      <p role="status" data-testid="delete-recordings-status">
        {step.kind === 'nothing' && 'There are no recordings of finished interviews to delete.'}
        {step.kind === 'done' &&
          `Deleted ${plural(step.deleted.files, 'recording')} from ${plural(step.deleted.interviews, 'interview')} and freed ${size(step.deleted.freedBytes)}.${step.deleted.notRemoved > 0 ? ` ${plural(step.deleted.notRemoved, 'file')} could not be removed; check that the data folder is writable.` : ''}`}
      </p>
      {step.kind === 'error' && <p role="alert">{step.message}</p>}
      {step.kind === 'confirm' && (
        <ConfirmDialog title="Delete all recordings?" confirmLabel={`Delete and free ${size(step.usage.bytes)}`} cancelLabel="Keep them" onConfirm={() => void remove()} onCancel={() => setStep({ kind: 'idle' })}>
          <p data-testid="delete-recordings-size">
            This frees {size(step.usage.bytes)}: {plural(step.usage.files, 'recording')} from {plural(step.usage.interviews, 'finished interview')}. Transcripts, typed answers and feedback stay. This cannot be undone.
          </p>
          {step.usage.untranscribed > 0 && (
            <p className="notice">
              {plural(step.usage.untranscribed, 'recorded answer')} {step.usage.untranscribed === 1 ? 'has' : 'have'} no transcript or typed text, and will be lost entirely.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
