import { describe, expect, it } from 'vitest';
import { modelError } from '../providers/llm/model-error';
import { ATTEMPTS, ProviderHealth, retryDelay } from './provider-failover';

describe('retrying a model provider', () => {
  it('retries what can pass with growing back-off, and stops after the last attempt', () => {
    const unreachable = modelError('UNREACHABLE', 'OpenAI');
    expect(retryDelay(unreachable, 1)).toBeLessThan(retryDelay(unreachable, 2)!);
    expect(retryDelay(unreachable, ATTEMPTS)).toBeUndefined();
    expect(retryDelay(modelError('STREAM_CUT', 'OpenAI'), 1)).toBeGreaterThan(0);
    expect(retryDelay(modelError('SERVER_ERROR', 'OpenAI', { status: 500 }), 1)).toBeGreaterThan(0);
  });

  it('waits what a 429 asks when that is short, and gives up on a long wait', () => {
    expect(retryDelay(modelError('RATE_LIMITED', 'OpenAI', { status: 429, retryAfterMs: 2_000 }), 1)).toBe(2_000);
    expect(retryDelay(modelError('RATE_LIMITED', 'OpenAI', { status: 429, retryAfterMs: 60_000 }), 1)).toBeUndefined();
  });

  it.each(['UNAUTHORIZED', 'BAD_REQUEST', 'NOT_FOUND', 'NO_CREDIT', 'BAD_RESPONSE', 'CANCELLED'] as const)('never retries %s', (code) => {
    expect(retryDelay(modelError(code, 'OpenAI'), 1)).toBeUndefined();
  });
});

describe('a provider’s health over an interview', () => {
  it('tells once per run of failures, pauses after three failed turns, and stays paused', () => {
    const health = new ProviderHealth();
    expect(health.stepFailed()).toBe('fell-back');
    expect(health.endTurn()).toBeUndefined();
    expect(health.stepFailed()).toBeUndefined();
    expect(health.endTurn()).toBeUndefined();
    health.stepFailed();
    expect(health.endTurn()).toBe('paused');
    expect(health.paused).toBe(true);
    expect(health.endTurn()).toBeUndefined();
    expect(health.paused).toBe(true);
  });

  it('starts counting again after a turn that worked, and tells again', () => {
    const health = new ProviderHealth();
    health.stepFailed();
    health.endTurn();
    health.stepFailed();
    health.endTurn();
    expect(health.endTurn()).toBeUndefined();
    expect(health.stepFailed()).toBe('fell-back');
    health.endTurn();
    health.stepFailed();
    expect(health.endTurn()).toBeUndefined();
    expect(health.paused).toBe(false);
  });
});
