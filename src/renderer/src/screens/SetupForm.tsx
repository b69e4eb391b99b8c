import { useState } from 'react';
import { lengthInQuestions } from '../../../shared/interview/length-rules';
import { AnswerMode, InterviewLength, LIMITS, Level, type InterviewConfig } from '../../../shared/protocol';
import { RecognitionNotice } from '../components/RecognitionNotice';
import { useAppStore } from '../store/app-store';
import { useSend } from '../transport/use-send';

/** In main questions, from the same rules the engine ends interviews by (DESIGN.md §5.1). */
const LENGTH_HINTS = Object.fromEntries(InterviewLength.options.map((length) => [length, `${lengthInQuestions(length)} questions`])) as Record<InterviewLength, string>;

/** How long, how hard, how to answer, and what to tailor the questions to. */
export function SetupForm({ trackId }: { trackId: string }) {
  const send = useSend();
  const connected = useAppStore((s) => s.connection === 'connected');
  const [level, setLevel] = useState<Level>('mid');
  const [length, setLength] = useState<InterviewLength>('quick');
  const [mode, setMode] = useState<AnswerMode>('text');
  const [jobDescription, setJobDescription] = useState('');
  const [resume, setResume] = useState('');
  const [customQuestions, setCustomQuestions] = useState('');

  const start = (): void => {
    const questions = customQuestions
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .slice(0, LIMITS.customQuestions);
    const config: InterviewConfig = {
      track: trackId,
      level,
      length,
      mode,
      ...(jobDescription.trim() ? { jobDescription: jobDescription.trim() } : {}),
      ...(resume.trim() ? { resume: resume.trim() } : {}),
      ...(questions.length > 0 ? { questions } : {}),
    };
    send({ type: 'start', config });
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
      <Choice<InterviewLength> label="Length" value={length} options={InterviewLength.options} onChange={setLength} hints={LENGTH_HINTS} />
      <Choice<AnswerMode> label="Answer by" value={mode} options={AnswerMode.options} onChange={setMode} />
      {mode === 'voice' && <RecognitionNotice />}
      <details>
        <summary>Tailor it (optional): job description, résumé, your own questions</summary>
        <label className="field">
          <span>Job description</span>
          <textarea value={jobDescription} rows={4} maxLength={LIMITS.jobDescriptionChars} onChange={(e) => setJobDescription(e.target.value)} />
          <small className="muted">Questions are chosen to cover the skills it names, and feedback says which ones each answer showed.</small>
        </label>
        <label className="field">
          <span>Résumé</span>
          <textarea value={resume} rows={4} maxLength={LIMITS.resumeChars} onChange={(e) => setResume(e.target.value)} />
        </label>
        <label className="field">
          <span>Your own questions, one per line</span>
          <textarea value={customQuestions} rows={4} onChange={(e) => setCustomQuestions(e.target.value)} />
          <small className="muted">When given, these replace the track's questions.</small>
        </label>
      </details>
      <button type="submit" className="primary" disabled={!connected}>
        Start interview
      </button>
    </form>
  );
}

function Choice<T extends string>({
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
          {option}
          {hints && <small className="muted">({hints[option]})</small>}
        </label>
      ))}
    </fieldset>
  );
}
