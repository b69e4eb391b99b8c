import { useId, useState } from 'react';
import { lengthInQuestions } from '../../../shared/interview/length-rules';
import { AnswerMode, InterviewLength, Level, type InterviewConfig } from '../../../shared/protocol';
import { RecognitionNotice } from '../components/RecognitionNotice';
import { SavedDocumentSelect } from '../components/SavedDocumentSelect';
import { useAppStore } from '../store/app-store';
import { useSend } from '../transport/use-send';
import { loadSetupChoices, rememberSetupChoice } from './setup-choices';
import { customQuestionsOf, formatCount, setupCounts, setupLimitProblems, type FieldCount } from './setup-limits';

/** In main questions, from the same rules the engine ends interviews by (DESIGN.md §5.1), in sentence case. */
const LENGTH_HINTS = Object.fromEntries(InterviewLength.options.map((length) => [length, `${lengthInQuestions(length)} questions`])) as Record<InterviewLength, string>;

const OPTION_LABELS: Record<Level | InterviewLength | AnswerMode, string> = {
  junior: 'Junior',
  mid: 'Mid',
  senior: 'Senior',
  quick: 'Quick',
  standard: 'Standard',
  full: 'Full',
  voice: 'Voice',
  text: 'Text',
};

/** How long, how hard, how to answer, and what to tailor the questions to. */
export function SetupForm({ trackId }: { trackId: string }) {
  const send = useSend();
  const connected = useAppStore((s) => s.connection === 'connected');
  const [remembered] = useState(loadSetupChoices);
  const [level, setLevel] = useState<Level>(remembered.level ?? 'mid');
  const [length, setLength] = useState<InterviewLength>(remembered.length ?? 'quick');
  const [mode, setMode] = useState<AnswerMode>(remembered.mode ?? 'text');
  const [jobDescription, setJobDescription] = useState('');
  const [resume, setResume] = useState('');
  const [customQuestions, setCustomQuestions] = useState('');
  // A saved résumé or posting (issue #14) replaces its text box.
  const [resumeId, setResumeId] = useState('');
  const [postingId, setPostingId] = useState('');
  const texts = { jobDescription: postingId ? '' : jobDescription, resume: resumeId ? '' : resume, customQuestions };
  const counts = setupCounts(texts);
  const problems = setupLimitProblems(texts);
  const blockedId = useId();

  const start = (): void => {
    if (problems.length > 0) return;
    const questions = customQuestionsOf(customQuestions);
    const config: InterviewConfig = {
      track: trackId,
      level,
      length,
      mode,
      ...(postingId ? { postingId } : jobDescription.trim() ? { jobDescription: jobDescription.trim() } : {}),
      ...(resumeId ? { resumeId } : resume.trim() ? { resume: resume.trim() } : {}),
      ...(questions.length > 0 ? { questions } : {}),
    };
    send({ type: 'start', config });
  };
  const remember = <T,>(set: (value: T) => void, key: 'level' | 'length' | 'mode') => (value: T) => {
    set(value);
    rememberSetupChoice({ [key]: value });
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
      <Choice<Level> label="Level" value={level} options={Level.options} onChange={remember(setLevel, 'level')} />
      <Choice<InterviewLength> label="Length" value={length} options={InterviewLength.options} onChange={remember(setLength, 'length')} hints={LENGTH_HINTS} />
      <Choice<AnswerMode> label="Answer by" value={mode} options={AnswerMode.options} onChange={remember(setMode, 'mode')} />
      {mode === 'voice' && <RecognitionNotice />}
      <details>
        <summary>Tailor it (optional): job description, résumé, your own questions</summary>
        <SavedDocumentSelect kind="posting" value={postingId} onChange={setPostingId} />
        {!postingId && (
          <TextBox label="Job description" value={jobDescription} onChange={setJobDescription} count={counts.jobDescription} testId="job-description">
            Questions are chosen to cover the skills it names, and feedback says which ones each answer showed.
          </TextBox>
        )}
        <SavedDocumentSelect kind="resume" value={resumeId} onChange={setResumeId} />
        {!resumeId && <TextBox label="Résumé" value={resume} onChange={setResume} count={counts.resume} testId="resume" />}
        <TextBox label="Your own questions, one per line" value={customQuestions} onChange={setCustomQuestions} count={counts.customQuestions} testId="custom-questions">
          When given, these replace the track&apos;s questions.
        </TextBox>
      </details>
      <button type="submit" className="primary" disabled={!connected || problems.length > 0} aria-describedby={problems.length > 0 ? blockedId : undefined}>
        Start interview
      </button>
      {problems.length > 0 && (
        <ul className="setup-blocked" id={blockedId} role="alert" data-testid="setup-blocked">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** A text box with its counter and limit; over the limit it says so and keeps every character. */
function TextBox({ label, value, onChange, count, testId, children }: { label: string; value: string; onChange(value: string): void; count: FieldCount; testId: string; children?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={value} rows={4} aria-invalid={count.over || undefined} aria-describedby={`${id}-count`} onChange={(e) => onChange(e.target.value)} />
      {children && <small className="muted">{children}</small>}
      <small id={`${id}-count`} className={count.over ? 'counter counter-over' : 'counter muted'} data-testid={`${testId}-count`}>
        {formatCount(count)}
        {count.over ? ': over the limit' : ''}
      </small>
    </div>
  );
}

function Choice<T extends Level | InterviewLength | AnswerMode>({
  label,
  value,
  options,
  onChange,
  hints,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange(value: T): void;
  hints?: Record<T, string>;
}) {
  return (
    <fieldset className="choice">
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="radio" name={label} value={option} checked={value === option} onChange={() => onChange(option)} />
          {OPTION_LABELS[option]}
          {hints && <small className="muted">({hints[option]})</small>}
        </label>
      ))}
    </fieldset>
  );
}
