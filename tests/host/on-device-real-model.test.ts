import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVALUATION_OUTPUT, readModelEvaluation } from '../../src/main/interviewer/model/model-evaluation';
import { createLlamaLanguageModel } from '../../src/main/providers/llm/llama/llama-language-model';
import { wholeReply } from '../../src/main/providers/llm/reply-stream';

/**
 * A real instruction model (issue #12), when INTERVIEWER_MODEL_PATH names a GGUF file: no real
 * model can be downloaded in CI, so elsewhere this is skipped and says why.
 */
const path = process.env.INTERVIEWER_MODEL_PATH;
const reason = !path ? 'INTERVIEWER_MODEL_PATH is not set' : !existsSync(path) ? 'INTERVIEWER_MODEL_PATH names no file' : undefined;

describe.skipIf(reason !== undefined)(`a real model on this computer${reason ? ` (skipped: ${reason})` : ''}`, { timeout: 600_000 }, () => {
  it('asks a question in a few sentences and judges an answer in the evaluation shape', async () => {
    const model = createLlamaLanguageModel({ modelFile: async () => ({ file: path! }), model: 'real' });
    try {
      const system = 'You are a friendly technical interviewer for a backend engineering role. Keep each turn to at most three sentences.';
      const started = performance.now();
      const question = await wholeReply(model.streamText({ system, messages: [{ role: 'user', content: 'Ask the first interview question.' }], maxTokens: 220 }));
      expect(question.text.trim().length).toBeGreaterThan(10);
      const { value } = await model.structured(
        { system, messages: [{ role: 'user', content: 'Question: How would you make a payment API safe to retry?\nAnswer: I would use idempotency keys stored with the result, and return the stored result on a retry.\nEvaluate the answer.' }], maxTokens: 900 },
        EVALUATION_OUTPUT,
      );
      expect(readModelEvaluation(value)).toMatchObject({ ok: true });
      console.info(`real model: question and evaluation in ${Math.round(performance.now() - started)} ms; question ${question.usage.outputTokens} tokens`);
    } finally {
      model.close();
    }
  });
});
