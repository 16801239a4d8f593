import { z } from 'zod';
import { focusAreas, helpQuestionKinds, type FocusArea, type HelpQuestionKind } from './intake';

/** The proposer's form, checked field by field; the messages are keys of the Dutch texts. */
export interface ProposalInput {
  teacher: { userId: string } | { email: string };
  goal: string;
  helpQuestionKind: HelpQuestionKind;
  focus: FocusArea[];
}

export type ProposalField = 'teacher' | 'goal' | 'helpQuestionKind' | 'focus';
export type ProposalProblem = 'choosePerson' | 'invalidEmail' | 'required' | 'unknownChoice';

const email = z.string().trim().toLowerCase().max(254).email();
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export function readProposalForm(raw: Record<string, unknown>): { ok: true; value: ProposalInput } | { ok: false; errors: Partial<Record<ProposalField, ProposalProblem>> } {
  const errors: Partial<Record<ProposalField, ProposalProblem>> = {};
  const typedEmail = text(raw.teacherEmail);
  const picked = text(raw.teacherUserId);
  let teacher: ProposalInput['teacher'] | undefined;
  if (typedEmail) {
    const parsed = email.safeParse(typedEmail);
    if (parsed.success) teacher = { email: parsed.data };
    else errors.teacher = 'invalidEmail';
  } else if (picked) {
    teacher = { userId: picked };
  } else {
    errors.teacher = 'choosePerson';
  }
  const goal = typeof raw.goal === 'string' ? raw.goal : '';
  const kind = helpQuestionKinds.find((candidate) => candidate === raw.helpQuestionKind);
  if (!kind) errors.helpQuestionKind = text(raw.helpQuestionKind) ? 'unknownChoice' : 'required';
  const chosen = text(raw.focus).split(',').map((part) => part.trim()).filter(Boolean);
  const focus = focusAreas.filter((area) => chosen.includes(area));
  if (chosen.length === 0) errors.focus = 'required';
  else if (focus.length !== new Set(chosen).size) errors.focus = 'unknownChoice';
  if (Object.keys(errors).length > 0 || !teacher || !kind) return { ok: false, errors };
  return { ok: true, value: { teacher, goal, helpQuestionKind: kind, focus } };
}
