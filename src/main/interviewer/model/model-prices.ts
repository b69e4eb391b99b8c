import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The price table behind "estimated cost" (issue #10): resources/model-prices.json, overridden
 * by a model-prices.json the user puts in the data folder. Prices change more often than the
 * app; they are data the user can correct, and an estimate is labelled as one wherever shown.
 */
const PriceFile = z.object({
  currency: z.string().length(3),
  perTokens: z.number().positive(),
  models: z.record(z.string(), z.object({ input: z.number().min(0), output: z.number().min(0) })),
});
export type PriceTable = z.infer<typeof PriceFile>;

export function loadPriceTable(resourcesDir: string, dataDir: string, warn: (reason: string) => void): PriceTable {
  const bundled = PriceFile.parse(JSON.parse(readFileSync(join(resourcesDir, 'model-prices.json'), 'utf8')));
  const override = join(dataDir, 'model-prices.json');
  if (!existsSync(override)) return bundled;
  try {
    return PriceFile.parse(JSON.parse(readFileSync(override, 'utf8')));
  } catch {
    // A typo in the user's own file must not stop the app: the bundled prices serve, and the log says why.
    warn('model-prices.json in the data folder is not a valid price table; using the bundled one');
    return bundled;
  }
}

export function estimateCost(prices: PriceTable, model: string, inputTokens: number, outputTokens: number): { amount: number; currency: string } | undefined {
  const price = prices.models[model];
  if (!price) return undefined;
  return { amount: (inputTokens * price.input + outputTokens * price.output) / prices.perTokens, currency: prices.currency };
}
