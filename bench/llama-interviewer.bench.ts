/**
 * Issue #12: the embedded model's pipeline overhead on the synthetic GGUF model (the real
 * pipeline: node-llama-cpp in its child process): child start to loaded, first token, and
 * tokens per second, with one thread and with the default (physical cores − 1). With
 * INTERVIEWER_MODEL_PATH set, the same for that real model. Prints numbers, asserts nothing.
 */
import { createLlamaLanguageModel } from '../src/main/providers/llm/llama/llama-language-model';
import { wholeReply } from '../src/main/providers/llm/reply-stream';
import { writeSyntheticGgufModel } from '../tests/support/llm/synthetic-gguf-model';
import { makeTempDir } from '../tests/support/temp-dir';

const temp = makeTempDir('bench-llama');
const models: [string, string][] = [['synthetic', writeSyntheticGgufModel(temp.path)]];
if (process.env.INTERVIEWER_MODEL_PATH) models.push(['INTERVIEWER_MODEL_PATH', process.env.INTERVIEWER_MODEL_PATH]);
const request = { system: 'You are a technical interviewer.', messages: [{ role: 'user' as const, content: 'Ask one question about caching.' }], maxTokens: 128 };

try {
  for (const [name, file] of models) {
    for (const threads of [1, undefined]) {
      let seed = 1;
      const model = createLlamaLanguageModel({ modelFile: async () => ({ file }), model: name, threads, seed: () => seed++ });
      try {
        const started = performance.now();
        const loaded = await wholeReply(model.streamText({ ...request, maxTokens: 2 })).then(() => performance.now() - started);
        const runs: { first: number; perSecond: number }[] = [];
        for (let run = 0; run < 3; run++) {
          const begun = performance.now();
          let first = 0;
          const stream = model.streamText(request);
          for await (const _delta of stream.deltas) first ||= performance.now() - begun;
          const { usage } = await stream.done;
          const generating = (performance.now() - begun - first) / 1000;
          runs.push({ first, perSecond: (usage.outputTokens - 1) / Math.max(generating, 1e-3) });
        }
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
        console.log(
          `${name.padEnd(24)} threads ${String(threads ?? 'default').padEnd(8)} start+load+first reply ${loaded.toFixed(0).padStart(6)} ms   first token ${median(runs.map((r) => r.first)).toFixed(0).padStart(5)} ms   ${median(runs.map((r) => r.perSecond)).toFixed(1).padStart(7)} tokens/s`,
        );
      } finally {
        model.close();
      }
    }
  }
} finally {
  temp.remove();
}
