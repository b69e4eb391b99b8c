import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { speechClip } from '../../../tests/support/audio/speech-audio';
import { createEngineHarness, scriptedInterviewer, scriptedRecognizer, speak, type EngineHarness } from '../../../tests/support/engine-harness';
import { makeTempDir } from '../../../tests/support/temp-dir';
import type { SpeechToTextPort } from './ports';

/**
 * Issue #9, fault 14: speaking analytics of a recorded answer. Speaking time and pauses come
 * from the recording; words per minute and filler words only from what a recogniser heard,
 * never from text the candidate typed ("um… uh…" typed is not hesitation).
 */
let harness: EngineHarness;
let temp: ReturnType<typeof makeTempDir>;
let answerClip: string;
beforeEach(() => {
  harness = createEngineHarness();
  temp = makeTempDir('analytics');
  answerClip = speechClip(temp.path, 'answer', 'I would add an index on the customer id column and check the query plan.', { sampleRate: 16_000 });
});
afterEach(() => {
  harness.close();
  temp.remove();
});

async function analyticsOfAnswer(typed: string, speechToText?: SpeechToTextPort) {
  const client = harness.open(scriptedInterviewer(), undefined, speechToText ? { speechToText } : {});
  await client.start({ mode: 'voice' });
  await speak(client, answerClip);
  await client.answer(typed);
  const detail = harness.repository.detail(client.last('session_started')!.interviewId, (path) => `/media/${path}`)!;
  return detail.turns[0]!.answer!.analytics!;
}

describe('analytics of a recorded answer', () => {
  it('counts no fillers and no pace in words for a typed "um uh" answer when nothing recognised the recording', async () => {
    const analytics = await analyticsOfAnswer('Um, uh, I would, um, add an index. Uh, basically.');
    // What the audio says is still measured.
    expect(analytics.speakingMs).toBeGreaterThan(1500);
    expect(analytics.durationMs).toBeGreaterThanOrEqual(analytics.speakingMs);
    expect(analytics.longPauses).toEqual([]);
    // What only words can say is not invented from the typing.
    expect(analytics.wordsFrom).toBe('none');
    expect(analytics.fillerWords).toBeUndefined();
    expect(analytics.wordsPerMinute).toBeUndefined();
  });

  it('counts fillers and pace from the recogniser transcript, not from the corrected text', async () => {
    const recognizer = scriptedRecognizer(['Um, I would add an index on the, uh, customer id column and check the query plan.']);
    const analytics = await analyticsOfAnswer('I would add an index on the customer id column and check the query plan.', recognizer);
    expect(analytics.wordsFrom).toBe('transcript');
    expect(analytics.fillerWords).toEqual({ atLeast: 2, byWord: { um: 1, uh: 1 } });
    expect(analytics.wordsPerMinute).toBeGreaterThan(100);
  });

  it('does not count fillers the candidate typed into a recognised transcript', async () => {
    const recognizer = scriptedRecognizer(['I would add an index on the customer id column and check the query plan.']);
    const analytics = await analyticsOfAnswer('Um, uh, I would add an index on the customer id column, um, and check the query plan.', recognizer);
    expect(analytics.wordsFrom).toBe('transcript');
    expect(analytics.fillerWords).toEqual({ atLeast: 0, byWord: {} });
  });
});
