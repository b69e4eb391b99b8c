import type { InterviewDetail, InterviewTurn } from '../../../src/shared/protocol';

/** A finished interview tailored to a saved résumé and posting (issue #14), as `interviews.get` returns it. */
const skill = (name: string) => ({ key: `tech:${name.toLowerCase()}`, name });
export const answeredTurn = (mainNumber: number, skillsShown: string[]): InterviewTurn => {
  const answerId = `00000000-0000-4000-8000-0000000000${10 + mainNumber}`;
  return {
    questionId: `00000000-0000-4000-8000-0000000000${20 + mainNumber}`,
    index: mainNumber + 1,
    phase: 'standard',
    difficulty: 'medium',
    followUp: false,
    question: 'Q?',
    skipped: false,
    mainNumber,
    countedScore: 7,
    answer: { answerId, text: 'An answer.' },
    evaluation: { answerId, score: 7, feedback: 'Fine.', strengths: [], weaknesses: [], suggestions: [], skillsShown },
  };
};

export const tailoredInterview = (turns: InterviewTurn[]): InterviewDetail => ({
  id: '00000000-0000-4000-8000-000000000001',
  track: 'backend',
  status: 'completed',
  startedAt: '2026-03-14T09:00:00.000Z',
  mainQuestions: turns.length,
  turns,
  config: {
    track: 'backend',
    mode: 'text',
    tailoring: {
      resume: { id: '00000000-0000-4000-8000-000000000002', name: 'Jane Doe', profile: { roles: [], skills: [skill('Redis'), skill('Go'), skill('PostgreSQL')], achievements: [] } },
      posting: { id: '00000000-0000-4000-8000-000000000003', name: 'Payments backend', profile: { mustHave: [skill('PostgreSQL'), skill('Kafka'), skill('Redis')], niceToHave: [skill('Terraform')] } },
    },
  },
});

