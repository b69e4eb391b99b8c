import { describe, expect, it } from 'vitest';
import { callExamples, clientMessageExamples, serverMessageExamples } from './examples';
import {
  CALL_METHODS,
  CLIENT_MESSAGE_TYPES,
  decodeJsonFrame,
  LIMITS,
  parseCallParams,
  parseCallResult,
  parseClientFrame,
  parseClientMessage,
  parseServerFrame,
  parseServerMessage,
} from './index';

/** A copy of `value` with `key` removed. */
function without(value: object, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  delete copy[key];
  return copy;
}

describe('client messages', () => {
  it('has an example for every message type', () => {
    expect(Object.keys(clientMessageExamples).sort()).toEqual([...CLIENT_MESSAGE_TYPES].sort());
  });

  for (const [type, example] of Object.entries(clientMessageExamples)) {
    it(`accepts the documented ${type}`, () => {
      expect(parseClientMessage(example)).toEqual({ ok: true, value: example });
    });

    for (const field of Object.keys(example).filter((k) => k !== 'type')) {
      it(`rejects ${type} without ${field}`, () => {
        const result = parseClientMessage(without(example, field));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toContain(field);
      });
    }
  }

  it('ignores unknown fields', () => {
    const result = parseClientMessage({ ...clientMessageExamples.pause, extra: 1 });
    expect(result).toEqual({ ok: true, value: { type: 'pause' } });
  });

  it('rejects wrong types and values', () => {
    const bad: unknown[] = [
      { ...clientMessageExamples.text_answer, text: 42 },
      { ...clientMessageExamples.text_answer, questionId: 'not-a-uuid' },
      { ...clientMessageExamples.audio_start, sampleRate: 16_000.5 },
      { ...clientMessageExamples.audio_start, encoding: 'opus' },
      { type: 'start', config: { ...clientMessageExamples.start.config, level: 'principal' } },
      { type: 'start', config: { ...clientMessageExamples.start.config, track: '../etc' } },
      { type: 'start', config: { ...clientMessageExamples.start.config, questions: [] } },
      null,
      'start',
      [],
    ];
    for (const message of bad) expect(parseClientMessage(message).ok).toBe(false);
  });

  it('rejects oversized strings and lists', () => {
    const longAnswer = { ...clientMessageExamples.text_answer, text: 'a'.repeat(LIMITS.answerTextChars + 1) };
    const longJob = {
      type: 'start',
      config: { ...clientMessageExamples.start.config, jobDescription: 'j'.repeat(LIMITS.jobDescriptionChars + 1) },
    };
    const manyQuestions = {
      type: 'start',
      config: { ...clientMessageExamples.start.config, questions: Array(LIMITS.customQuestions + 1).fill('Why?') },
    };
    for (const message of [longAnswer, longJob, manyQuestions]) expect(parseClientMessage(message).ok).toBe(false);
  });

  it('rejects an unknown type without echoing it or the rest of the message', () => {
    const result = parseClientMessage({ type: 'hello', secret: 'my answer text' });
    expect(result).toEqual({ ok: false, error: 'unknown message type; reload the page if the app was updated' });
  });

  it('names the field, not the keys a client made up, when keys are not allowed', () => {
    const result = parseCallParams('settings.set', { secrets: { 'my answer text': 'sk-1' } });
    expect(result).toEqual({ ok: false, error: 'secrets: has a field that is not allowed' });
  });
});

describe('server messages', () => {
  for (const [type, example] of Object.entries(serverMessageExamples)) {
    it(`accepts the documented ${type}`, () => {
      expect(parseServerMessage(example)).toEqual({ ok: true, value: example });
    });
    // Optional additions to §4.2: the audio of a question and its main-question number (§5.1).
    for (const field of Object.keys(example).filter((k) => k !== 'type' && k !== 'audio' && k !== 'mainNumber')) {
      it(`rejects ${type} without ${field}`, () => {
        expect(parseServerMessage(without(example, field)).ok).toBe(false);
      });
    }
  }

  it('rejects scores outside their ranges', () => {
    expect(parseServerMessage({ ...serverMessageExamples.evaluation, score: 11 }).ok).toBe(false);
    expect(parseServerMessage({ ...serverMessageExamples.interview_complete, overallScore: -1 }).ok).toBe(false);
    expect(parseServerMessage({ ...serverMessageExamples.question, index: 0 }).ok).toBe(false);
    expect(parseServerMessage({ ...serverMessageExamples.question, mainNumber: 0 }).ok).toBe(false);
    expect(parseServerMessage({ ...serverMessageExamples.status, state: 'thinking' }).ok).toBe(false);
  });

  it('rejects a streamed question’s draft or audio that could not be shown or played in order', () => {
    expect(parseServerMessage({ ...serverMessageExamples.question_draft, text: 'x'.repeat(LIMITS.questionTextChars + 1) }).ok).toBe(false);
    expect(parseServerMessage({ ...serverMessageExamples.question_audio_part, index: -1 }).ok).toBe(false);
    expect(parseServerMessage({ ...serverMessageExamples.question_audio_part, index: 0.5 }).ok).toBe(false);
    expect(parseServerMessage({ ...serverMessageExamples.question_draft_withdrawn, questionId: 'not-an-id' }).ok).toBe(false);
  });
});

describe('calls', () => {
  it('has an example for every method', () => {
    expect(Object.keys(callExamples).sort()).toEqual([...CALL_METHODS].sort());
  });

  for (const method of CALL_METHODS) {
    it(`accepts the documented ${method} params and result`, () => {
      const example = callExamples[method];
      expect(parseCallParams(method, example.params).ok).toBe(true);
      expect(parseCallResult(method, example.result)).toEqual({ ok: true, value: example.result });
    });
  }

  it('rejects malformed params', () => {
    expect(parseCallParams('interviews.get', {}).ok).toBe(false);
    expect(parseCallParams('interviews.get', { interviewId: 7 }).ok).toBe(false);
    expect(parseCallParams('interviews.list', { limit: 0 }).ok).toBe(false);
    expect(parseCallParams('interviews.list', { query: 'q'.repeat(LIMITS.searchQueryChars + 1) }).ok).toBe(false);
    expect(parseCallParams('reports.export', { interviewId: callExamples['reports.export'].params.interviewId, format: 'docx' }).ok).toBe(false);
    expect(parseCallParams('settings.set', { preferences: { silenceMs: 10 } }).ok).toBe(false);
    expect(parseCallParams('settings.set', { interviewer: { baseUrl: 'file:///etc/passwd' } }).ok).toBe(false);
    expect(parseCallParams('settings.set', { secrets: { openai: 'k'.repeat(LIMITS.secretChars + 1) } }).ok).toBe(false);
  });

  it('rejects malformed results', () => {
    expect(parseCallResult('tracks.list', [{ id: 'backend' }]).ok).toBe(false);
    expect(parseCallResult('interviews.delete', { deleted: false }).ok).toBe(false);
  });
});

describe('models and voices', () => {
  const view = callExamples['models.list'].result[0]!;

  it('says what each model is for, and nothing else', () => {
    expect(parseCallResult('models.list', [{ ...view, purpose: 'voice' }]).ok).toBe(true);
    expect(parseCallResult('models.list', [{ ...view, purpose: 'music' }]).ok).toBe(false);
    const { purpose: _purpose, ...withoutPurpose } = view;
    expect(parseCallResult('models.list', [withoutPurpose]).ok).toBe(false);
  });

  it("accepts a natural voice ('local') with or without a voice id, which the page picks", () => {
    expect(parseCallParams('settings.set', { textToSpeech: { provider: 'local' } })).toEqual({ ok: true, value: { textToSpeech: { provider: 'local' } } });
    expect(parseCallParams('settings.set', { textToSpeech: { provider: 'local', voice: 'piper-en-us-amy' } }).ok).toBe(true);
    expect(parseCallParams('settings.set', { textToSpeech: { provider: 'piper' } }).ok).toBe(false);
  });

  it('clears a voice with null, and keeps it when the patch leaves it out', () => {
    const cleared = parseCallParams('settings.set', { textToSpeech: { provider: 'system', voice: null } });
    expect(cleared.ok && cleared.value.textToSpeech).toEqual({ provider: 'system', voice: undefined });
    expect(cleared.ok && 'voice' in cleared.value.textToSpeech!).toBe(true);
    const kept = parseCallParams('settings.set', { textToSpeech: { provider: 'system' } });
    expect(kept.ok && 'voice' in kept.value.textToSpeech!).toBe(false);
    expect(parseCallParams('settings.set', { textToSpeech: { voice: '' } }).ok).toBe(false);
  });
});

describe('frames', () => {
  it('tells calls from session messages', () => {
    expect(parseClientFrame({ type: 'rpc', id: 1, method: 'tracks.list' })).toMatchObject({ ok: true, value: { kind: 'rpc' } });
    expect(parseClientFrame(clientMessageExamples.end)).toMatchObject({ ok: true, value: { kind: 'message' } });
    expect(parseClientFrame({ type: 'rpc', method: 'tracks.list' }).ok).toBe(false);
    expect(parseServerFrame({ type: 'rpc_result', id: 1, result: [] })).toMatchObject({ ok: true, value: { kind: 'rpc_result' } });
    expect(parseServerFrame({ type: 'rpc_error', id: 1, error: { code: 'X' } }).ok).toBe(false);
  });

  it('decodes JSON and refuses oversized or broken text', () => {
    expect(decodeJsonFrame('{"type":"pause"}')).toEqual({ ok: true, value: { type: 'pause' } });
    expect(decodeJsonFrame('{"type":')).toEqual({ ok: false, error: 'message is not valid JSON' });
    expect(decodeJsonFrame(JSON.stringify({ type: 'x', pad: 'é'.repeat(LIMITS.maxJsonFrameBytes / 2 + 1) })).ok).toBe(false);
  });
});
