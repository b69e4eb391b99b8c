import { eq, sql } from 'drizzle-orm';
import type { ModelUsage } from '../../shared/protocol';
import type { ModelCall } from '../engine/ports';
import type { AppDatabase } from './database';
import { modelCalls } from './schema';

/** Model requests per interview (DESIGN.md §8): stored as made, summed per provider and model for reports. */
export function recordModelCall(db: AppDatabase, row: { id: string; interviewId: string; calledAt: string; call: ModelCall }): void {
  const { call } = row;
  db.insert(modelCalls)
    .values({
      id: row.id,
      interviewId: row.interviewId,
      operation: call.operation,
      provider: call.provider,
      model: call.model,
      inputTokens: call.inputTokens,
      outputTokens: call.outputTokens,
      durationMs: call.ms,
      summarised: call.summarised,
      shortened: call.shortened,
      calledAt: row.calledAt,
    })
    .run();
}

export function usageOf(db: AppDatabase, interviewId: string, cost: (model: string, input: number, output: number) => ModelUsage['estimatedCost']): ModelUsage[] {
  return db
    .select({
      provider: modelCalls.provider,
      model: modelCalls.model,
      calls: sql<number>`count(*)`,
      inputTokens: sql<number>`sum(${modelCalls.inputTokens})`,
      outputTokens: sql<number>`sum(${modelCalls.outputTokens})`,
      summarised: sql<number>`max(${modelCalls.summarised})`,
      shortened: sql<number>`max(${modelCalls.shortened})`,
    })
    .from(modelCalls)
    .where(eq(modelCalls.interviewId, interviewId))
    .groupBy(modelCalls.provider, modelCalls.model)
    .all()
    .map((row) => {
      const estimatedCost = cost(row.model, row.inputTokens, row.outputTokens);
      return { ...row, summarised: row.summarised === 1, shortened: row.shortened === 1, ...(estimatedCost ? { estimatedCost } : {}) };
    });
}
