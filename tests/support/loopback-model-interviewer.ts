import { loadConversation } from '../../src/main/interviewer/conversation-file';
import { createEmbeddedInterviewer } from '../../src/main/interviewer/embedded-interviewer';
import { Meaning } from '../../src/main/interviewer/language/meaning';
import { loadWordVectors } from '../../src/main/interviewer/language/word-vectors';
import { createModelInterviewer } from '../../src/main/interviewer/model/model-interviewer';
import { loadPromptFile } from '../../src/main/interviewer/model/prompt-file';
import { loadTrackCatalog } from '../../src/main/interviewer/track-catalog';
import { createOpenAiChatModel } from '../../src/main/providers/llm/openai/openai-chat-model';
import { RESOURCES_DIR } from './paths';

/**
 * The real model-backed interviewer on a loopback OpenAI-compatible server (strict json_schema,
 * a 32k window), with the embedded interviewer it builds on and falls back to: for engine
 * tests and benchmarks that drive a session without the host.
 */
export function loopbackModelInterviewer(baseURL: string) {
  const catalog = loadTrackCatalog(RESOURCES_DIR);
  const embedded = createEmbeddedInterviewer(catalog, loadConversation(RESOURCES_DIR), new Meaning(loadWordVectors(RESOURCES_DIR)));
  const model = createOpenAiChatModel({
    kind: 'openai-compatible',
    baseURL,
    model: 'local',
    capabilities: { structuredOutput: 'json_schema', streaming: true, contextTokens: 32_000, textField: 'content' },
    // The engine's own per-step timeout is what these exercise; the SDK's is only a backstop.
    timeoutMs: 120_000,
  });
  return { catalog, embedded, interviewer: createModelInterviewer({ model, prompts: loadPromptFile(RESOURCES_DIR), catalog, embedded }) };
}
