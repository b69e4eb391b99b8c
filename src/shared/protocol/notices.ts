import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * Something the user must hear about once the app is up (`app.notices`, an addition to
 * DESIGN.md §4.4): a damaged interview database was kept aside and a new one started.
 * The message names files by name only, never by path (§2).
 */
export const AppNotice = z.object({
  code: z.enum(['DATABASE_REPLACED']),
  message: z.string().min(1).max(LIMITS.errorMessageChars),
});
export type AppNotice = z.infer<typeof AppNotice>;
