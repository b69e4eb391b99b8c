import type { ModelPurpose, ModelView } from '../../../shared/protocol';
import type { Loadable } from '../store/app-store';
import { LoadableView } from './LoadableView';
import { ModelRow } from './ModelRow';

interface PanelProps {
  /** From useModels, shared with the rest of the Settings screen. */
  models: Loadable<ModelView[]>;
  retry(): void;
}

/** Speech models for offline recognition (issue #4): download once, then answers are recognised here. */
export function SpeechModelsPanel(props: PanelProps) {
  return <ModelsPanel {...props} purpose="speech-to-text" title="Speech models" testId="speech-models" intro="Recognise answers on this computer, with no network: download a model once." />;
}

/** Natural voices for the interviewer (Piper): download one, then choose it under Voice above. */
export function VoicesPanel(props: PanelProps) {
  return (
    <ModelsPanel
      {...props}
      purpose="voice"
      title="Voices"
      testId="voice-models"
      intro="Natural-sounding voices for the interviewer, spoken on this computer with no network: download one, then choose “Natural voice (downloaded)” above."
    />
  );
}

function ModelsPanel({ models, retry, purpose, title, testId, intro }: PanelProps & { purpose: ModelPurpose; title: string; testId: string; intro: string }) {
  return (
    <section className="panel" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <p className="muted">{intro}</p>
      <LoadableView state={models} retry={retry}>
        {(all) => {
          const listed = all.filter((model) => model.purpose === purpose);
          return listed.length === 0 ? (
            <p className="muted">None are offered in this build.</p>
          ) : (
            <ul className="models">
              {listed.map((model) => (
                <ModelRow key={model.id} model={model} />
              ))}
            </ul>
          );
        }}
      </LoadableView>
    </section>
  );
}
