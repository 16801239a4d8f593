import type { Answer, AnswerSheet } from '../../../src/domain/kijkwijzer/answers';
import type { Round } from '../../../src/domain/kijkwijzer/round';
import type { Rating } from '../../../src/domain/kijkwijzer/roundFigures';

export function roundWith(statements: { id: string; text: string }[], participantIds: string[], overrides: Partial<Round> = {}): Round {
  return {
    id: 'round-1',
    tenantId: 't',
    schoolId: 's',
    sequence: 1,
    listVersion: 1,
    statements,
    participants: participantIds.map((userId) => ({ userId, name: userId })),
    startedBy: 'fatima',
    startedAt: new Date('2026-11-02T09:00:00Z'),
    closesAt: new Date('2026-11-13T23:00:00Z'),
    status: 'closed',
    closedAt: new Date('2026-11-13T23:00:00Z'),
    ...overrides,
  };
}

/** A sheet from a compact notation: { k1: '+', k2: '±w' } (w/k/a = winst/werk/actie). */
export function sheet(answers: Record<string, string>): AnswerSheet {
  const ratingOf: Record<string, Rating> = { '+': 'plus', '±': 'partly', '−': 'minus' };
  const markOf = { w: 'winstpunt', k: 'werkpunt', a: 'actiepunt' } as const;
  const result: AnswerSheet = {};
  for (const [statementId, code] of Object.entries(answers)) {
    const answer: Answer = { statementId, rating: ratingOf[code[0]!]! };
    const mark = code[1] as keyof typeof markOf | undefined;
    if (mark && markOf[mark]) answer.mark = markOf[mark];
    if (code.includes('n')) answer.note = 'een opmerking';
    result[statementId] = answer;
  }
  return result;
}

export function sheets(entries: Record<string, Record<string, string>>): Map<string, AnswerSheet> {
  return new Map(Object.entries(entries).map(([userId, answers]) => [userId, sheet(answers)]));
}
