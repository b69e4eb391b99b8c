import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BankQuestion } from './question-bank-schema';

/** resources/interviewer/conversation.json: the greeting and closing questions, with rubrics. */
export const ConversationQuestion = BankQuestion.omit({ skills: true }).extend({
  /**
   * An introduction about one item of the candidate's résumé (issue #14), asked only when the
   * interview has one; its text names the item through {achievement}, or {role}, {atCompany}
   * and {dates}.
   */
  about: z.enum(['achievement', 'role']).optional(),
});
export const ConversationFile = z.object({
  intro: z.array(ConversationQuestion).min(1),
  wrapup: z.array(ConversationQuestion).min(1),
});
export type ConversationQuestion = z.infer<typeof ConversationQuestion>;
export type ConversationFile = z.infer<typeof ConversationFile>;

export function loadConversation(resourcesDir: string): ConversationFile {
  return ConversationFile.parse(JSON.parse(readFileSync(join(resourcesDir, 'interviewer', 'conversation.json'), 'utf8')));
}
