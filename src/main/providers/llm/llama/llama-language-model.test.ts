import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATION_OUTPUT, readModelEvaluation } from '../../../interviewer/model/model-evaluation';
import { syntheticGgufBytes, writeSyntheticGgufModel } from '../../../../../tests/support/llm/synthetic-gguf-model';
import { makeTempDir } from '../../../../../tests/support/temp-dir';
import { wholeReply } from '../reply-stream';
import { createLlamaLanguageModel, type LlamaModelOptions } from './llama-language-model';

/** The real pipeline: node-llama-cpp in its child process, loading a synthetic GGUF model. */
describe('the model on this computer', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let modelPath: string;
  beforeAll(() => {
    dir = makeTempDir('llama-model');
    modelPath = writeSyntheticGgufModel(dir.path);
  });
  afterAll(() => dir.remove());

  const open = (overrides: Partial<LlamaModelOptions> = {}) => {
    let seed = 1;
    return createLlamaLanguageModel({ modelFile: async () => ({ file: modelPath, contextTokens: 8_192 }), model: 'synthetic', threads: 1, grammarLimits: { maxStringLength: 24, maxItems: 2 }, seed: () => seed++, ...overrides });
  };
  const request = { system: 'You are an interviewer.', messages: [{ role: 'user' as const, content: 'Ask me one question about queues.' }], maxTokens: 24 };

  it('streams a reply through the chat template and reports its token usage', async () => {
    const model = open();
    try {
      const stream = model.streamText(request);
      const deltas: string[] = [];
      for await (const delta of stream.deltas) deltas.push(delta);
      const done = await stream.done;
      expect(deltas.length).toBeGreaterThan(1);
      expect(done.text).toBe(deltas.join(''));
      expect(done.usage.outputTokens).toBeGreaterThan(0);
      expect(done.usage.outputTokens).toBeLessThanOrEqual(24);
      // The ChatML template wraps the system prompt and the question: far more than the 33 characters asked.
      expect(done.usage.inputTokens).toBeGreaterThan(40);
    } finally {
      model.close();
    }
  });

  it('answers 20 seeded grammar-constrained evaluations that all parse into the evaluation shape', async () => {
    const model = open();
    try {
      for (let turn = 0; turn < 20; turn++) {
        const { value } = await model.structured({ ...request, maxTokens: 400 }, EVALUATION_OUTPUT);
        const reading = readModelEvaluation(value);
        expect(reading, `turn ${turn}`).toMatchObject({ ok: true });
      }
    } finally {
      model.close();
    }
  }, 240_000);

  it('stops generating when the interview is paused, and answers the next request', async () => {
    const model = open();
    try {
      const controller = new AbortController();
      const stream = model.streamText({ ...request, maxTokens: 4_000, signal: controller.signal });
      const failure = (async () => {
        for await (const _delta of stream.deltas) controller.abort();
      })();
      await expect(failure).rejects.toMatchObject({ code: 'CANCELLED' });
      const next = await wholeReply(model.streamText(request));
      expect(next.text.length).toBeGreaterThan(0);
    } finally {
      model.close();
    }
  });

  describe('faults end in a clear error, and this process survives', () => {
    const write = (name: string, bytes: Buffer): string => {
      const path = join(dir.path, name);
      writeFileSync(path, bytes);
      return path;
    };
    const fileAt = (name: string, bytes: Buffer) => ({ file: write(name, bytes) });
    const failureOf = async (model: ReturnType<typeof open>) => {
      try {
        return await wholeReply(model.streamText(request)).then(() => undefined, (error: unknown) => error);
      } finally {
        model.close();
      }
    };

    it('a truncated file is refused before it reaches llama.cpp', async () => {
      const error = await failureOf(open({ modelFile: async () => fileAt('cut.gguf', syntheticGgufBytes().subarray(0, 200_000)) }));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/cannot be used: the file is shorter than its header says.*Download it again/) });
    });

    it('a header that lies about its sizes is refused', async () => {
      const error = await failureOf(open({ modelFile: async () => fileAt('lying.gguf', syntheticGgufBytes({ tensorOffsetShift: 1 << 30 })) }));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/shorter than its header says/) });
    });

    it('a model llama.cpp refuses to load ends the child, not the app', async () => {
      // A valid file whose architecture llama.cpp does not know: the child reports a failed load.
      const error = await failureOf(open({ modelFile: async () => fileAt('unknown.gguf', syntheticGgufBytes({ metadata: { 'general.architecture': 'no-such-architecture' } })) }));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/could not be loaded/) });
    });

    it('a child that exits while loading is a clear error', async () => {
      const error = await failureOf(open({ libraryPath: write('exits.mjs', Buffer.from('process.exit(134);\n')) }));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/could not be loaded/) });
    });

    it('a child that hangs is ended after its time', async () => {
      const error = await failureOf(open({ requestTimeoutMs: 1_500, libraryPath: write('hangs.mjs', Buffer.from('await new Promise(() => setInterval(() => {}, 1000));\n')) }));
      expect(error).toMatchObject({ code: 'TIMEOUT', message: 'The model on this computer took too long to answer.' });
    });
  });
});
