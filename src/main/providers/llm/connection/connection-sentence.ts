import type { ConnectionReport, ModelCapabilitiesSetting } from '../../../../shared/protocol';
import type { ModelError } from '../model-error';

/** Whether the server's model list names the model: found, not listed, or no list to look in. */
export type Listed = 'found' | 'unlisted' | 'unknown';

const STRUCTURED: Record<ModelCapabilitiesSetting['structuredOutput'], string> = {
  json_schema: 'structured output (JSON schema) supported',
  tool: 'structured output (a forced tool call) supported',
  json_object: 'JSON output supported',
  none: 'no structured output, so evaluations are read out of its replies',
};

const LISTED: Record<Listed, (model: string) => string> = {
  found: (model) => `model "${model}" found`,
  unlisted: (model) => `model "${model}" answered though the server does not list it`,
  unknown: (model) => `model "${model}" answered`,
};

export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function formatLatency(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "The model server at 127.0.0.1:11434 works: model "llama3.2" found, structured output (JSON schema) supported, a test request took 240 ms." */
export function modelWorks(service: string, model: string, listed: Listed, capabilities: ModelCapabilitiesSetting, latencyMs: number): string {
  const parts = [LISTED[listed](model), STRUCTURED[capabilities.structuredOutput]];
  if (capabilities.textField === 'reasoning_content') parts.push('its replies arrive as reasoning_content');
  parts.push(`a test request took ${formatLatency(latencyMs)}`);
  return `${capitalised(service)} works: ${parts.join(', ')}.`;
}

/** A failed test: the error's own sentence, and for a missing model what the server has instead. */
export function modelFailed(error: ModelError, models: string[] | undefined): ConnectionReport {
  const offer = error.code === 'NOT_FOUND' && models?.length ? ` It has: ${models.slice(0, 8).join(', ')}${models.length > 8 ? ', …' : ''}.` : '';
  return { ok: false, sentence: error.message + offer, ...(models ? { models } : {}) };
}
