/**
 * The program the embedded model's child process runs (see llama-child.ts), as plain CommonJS
 * for `node -e`, for the reasons sherpa-child-program.ts gives. node-llama-cpp is ESM, so it
 * is loaded with a dynamic import of the path the parent resolved.
 *
 * argv[1]: node-llama-cpp's entry file; argv[2]: JSON { modelPath, threads, contextSize, gpu };
 * without threads, physical cores − 1 (llama.cpuMathCores counts physical cores).
 * Loads the model at start and sends { loaded: true, threads, charsPerToken } or { failure: 'addon' | 'load' }.
 * Receives { id, kind: 'text' | 'structured', system, messages, maxTokens, schema?, seed? },
 * one at a time, and { cancel: id }. Sends { id, delta } while a text reply is generated, then
 * { id, text, usage } or { id, failure: 'run' | 'cancelled' }. Never the library's own
 * messages: they may quote the prompt.
 */
export const LLAMA_CHILD_PROGRAM = String.raw`
'use strict';
const { pathToFileURL } = require('node:url');
const [libraryPath, configText] = process.argv.slice(1);
const config = JSON.parse(configText);
const send = (message) => {
  if (process.connected) process.send(message);
};
process.on('disconnect', () => process.exit(0));

let library;
const loading = (async () => {
  try {
    library = await import(pathToFileURL(libraryPath).href);
  } catch {
    send({ failure: 'addon' });
    return undefined;
  }
  try {
    const llama = await library.getLlama({ gpu: config.gpu, build: 'never', logLevel: 'disabled', progressLogs: false });
    const model = await llama.loadModel({ modelPath: config.modelPath });
    const context = await model.createContext({ contextSize: config.contextSize, threads: config.threads ?? Math.max(1, llama.cpuMathCores - 1), sequences: 1 });
    const sequence = context.getSequence();
    const session = new library.LlamaChatSession({ contextSequence: sequence });
    // How much text a token holds for this tokenizer: the parent sizes the grammar's strings by it.
    const sample = 'The candidate explained how a queue with retries keeps each payment idempotent.';
    send({ loaded: true, threads: context.currentThreads, charsPerToken: sample.length / Math.max(1, model.tokenize(sample).length) });
    return { llama, sequence, session, grammars: new Map() };
  } catch {
    send({ failure: 'load' });
    return undefined;
  }
})();

const running = new Map();
let queue = Promise.resolve();

process.on('message', (message) => {
  if (message.cancel !== undefined) return running.get(message.cancel)?.abort();
  const controller = new AbortController();
  running.set(message.id, controller);
  queue = queue.then(() => answer(message, controller.signal)).finally(() => running.delete(message.id));
});

async function answer(request, signal) {
  const { id } = request;
  const loaded = await loading;
  if (!loaded) return;
  if (signal.aborted) return send({ id, failure: 'cancelled' });
  const { llama, sequence, session, grammars } = loaded;
  try {
    let grammar;
    if (request.kind === 'structured') {
      const key = JSON.stringify(request.schema);
      grammar = grammars.get(key) ?? (await llama.createGrammarForJsonSchema(request.schema));
      grammars.set(key, grammar);
    }
    const earlier = request.messages.slice(0, -1);
    const last = request.messages[request.messages.length - 1];
    const history = [{ type: 'system', text: request.system }];
    for (const message of last?.role === 'user' ? earlier : request.messages) {
      history.push(message.role === 'user' ? { type: 'user', text: message.content } : { type: 'model', response: [message.content] });
    }
    session.setChatHistory(history);
    const before = sequence.tokenMeter.getState();
    const text = await session.prompt(last?.role === 'user' ? last.content : '', {
      maxTokens: request.maxTokens,
      signal,
      grammar,
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      temperature: request.kind === 'structured' ? 0.3 : 0.7,
      onTextChunk: request.kind === 'text' ? (delta) => send({ id, delta }) : undefined,
    });
    const used = sequence.tokenMeter.diff(before);
    send({ id, text, usage: { inputTokens: used.usedInputTokens, outputTokens: used.usedOutputTokens } });
  } catch {
    send({ id, failure: signal.aborted ? 'cancelled' : 'run' });
  }
}
`;
