import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BankQuestion } from './question-bank-schema';

/** resources/interviewer/conversation.json: the greeting and closing questions, with rubrics. */
export const ConversationQuestion = BankQuestion.omit({ skills: true });
export const ConversationFile = z.object({
  intro: z.array(ConversationQuestion).min(1),
  wrapup: z.array(ConversationQuestion).min(1),
});
export type ConversationQuestion = z.infer<typeof ConversationQuestion>;
export type ConversationFile = z.infer<typeof ConversationFile>;

export function loadConversation(resourcesDir: string): ConversationFile {
  return ConversationFile.parse(JSON.parse(readFileSync(join(resourcesDir, 'interviewer', 'conversation.json'), 'utf8')));
}
