import { routeHref } from '../router/routes';
import { useCall } from '../transport/transport-context';
import { recognitionGap } from './recognition-notice';
import { useModels } from './use-models';

const OPENING = { 'no-model': 'No speech model yet', off: 'Speech recognition is off' } as const;
const REMEDY = { 'no-model': 'get one in', off: 'turn it on in' } as const;

/**
 * Voice mode on a computer that cannot transcribe yet: said on the setup form and above the
 * question, before any recording, with the way to fix it (issue #9).
 */
export function RecognitionNotice() {
  const settings = useCall('settings.get', undefined);
  const { state: models } = useModels();
  if (settings.state.status !== 'ready' || models.status !== 'ready') return null;
  const gap = recognitionGap(settings.state.data.speechToText, models.data);
  if (!gap) return null;
  return (
    <p className="notice" role="note" data-testid="recognition-notice">
      {OPENING[gap]}: your answer will be recorded and you type it; {REMEDY[gap]} <a href={routeHref({ screen: 'settings' })}>Settings</a>.
    </p>
  );
}
