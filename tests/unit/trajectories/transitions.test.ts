import { applyCommand } from '../../../src/domain/trajectories/transitions';
import type { PersonWithRoles } from '../../../src/domain/trajectories/trajectory';
import {
  assignedSvibber,
  createdAt,
  deepFreeze,
  directie,
  now,
  otherSvibber,
  owningTeacher,
  person,
  thirdSvibber,
  trajectoryIn,
  validIntake,
} from './trajectoryFixtures';

describe('applyCommand: what each allowed step records', () => {
  it('takes up a request: the SVIB\u2019er becomes the begeleider', () => {
    const before = deepFreeze(trajectoryIn('aangevraagd'));
    const result = applyCommand(before, { type: 'takeUp' }, otherSvibber, now);
    expect(result).toEqual({
      ok: true,
      event: { what: 'takenUp', by: person(otherSvibber), at: now },
      trajectory: {
        ...before,
        svibber: { userId: 'svibber-2', name: 'Sven Visser' },
        phase: { kind: 'toegewezen' },
        timeline: [{ what: 'requested', by: person(owningTeacher), at: createdAt }, { what: 'takenUp', by: person(otherSvibber), at: now }],
      },
    });
  });

  it('lets only the first of two SVIB\u2019ers take up a request; the second learns it was taken', () => {
    const open = deepFreeze(trajectoryIn('aangevraagd'));
    const first = applyCommand(open, { type: 'takeUp' }, assignedSvibber, now);
    if (!first.ok) throw new Error(first.reason);
    const second = applyCommand(deepFreeze(first.trajectory), { type: 'takeUp' }, otherSvibber, now);
    expect(second).toEqual({ ok: false, reason: 'already-taken', trajectory: first.trajectory });
    expect(second.trajectory.svibber).toEqual(person(assignedSvibber));
  });

  it('does not let an SVIB\u2019er take up or decline their own request', () => {
    const teacherWhoIsSvibber: PersonWithRoles = { ...owningTeacher, roles: ['leerkracht', 'svibber'] };
    const open = deepFreeze(trajectoryIn('aangevraagd'));
    expect(applyCommand(open, { type: 'takeUp' }, teacherWhoIsSvibber, now)).toEqual({ ok: false, reason: 'own-trajectory', trajectory: open });
    expect(applyCommand(open, { type: 'cancel', reason: 'Toch niet nodig.' }, teacherWhoIsSvibber, now)).toEqual({
      ok: false,
      reason: 'own-trajectory',
      trajectory: open,
    });
    // As the teacher they can still withdraw it.
    expect(applyCommand(open, { type: 'withdraw' }, teacherWhoIsSvibber, now)).toMatchObject({ ok: true, trajectory: { phase: { kind: 'geannuleerd', by: 'teacher' } } });
  });

  it('refuses the begeleider once their SVIB\u2019er role is gone', () => {
    const formerSvibber: PersonWithRoles = { ...assignedSvibber, roles: ['leerkracht'] };
    const before = deepFreeze(trajectoryIn('toegewezen'));
    expect(applyCommand(before, { type: 'startIntake' }, formerSvibber, now)).toEqual({ ok: false, reason: 'not-assigned-svibber', trajectory: before });
  });

  describe('handing over', () => {
    const before = deepFreeze(trajectoryIn('opname 1'));

    it('makes another SVIB\u2019er the begeleider, keeps the phase, and names the new one in the event', () => {
      const result = applyCommand(before, { type: 'handOver', to: thirdSvibber }, assignedSvibber, now);
      if (!result.ok) throw new Error(result.reason);
      expect(result.trajectory.svibber).toEqual({ userId: 'svibber-3', name: 'Sara Smit' });
      expect(result.trajectory.phase).toEqual({ kind: 'opname', cycle: 1 });
      expect(result.event).toEqual({ what: 'handedOver', by: person(assignedSvibber), at: now, to: { userId: 'svibber-3', name: 'Sara Smit' } });
      // The new begeleider may continue; the previous one may not.
      expect(applyCommand(result.trajectory, { type: 'completeRecording', cycle: 1 }, thirdSvibber, now).ok).toBe(true);
      expect(applyCommand(result.trajectory, { type: 'completeRecording', cycle: 1 }, assignedSvibber, now)).toMatchObject({
        ok: false,
        reason: 'not-assigned-svibber',
      });
    });

    it.each([
      ['to yourself', assignedSvibber, 'handover-to-self'],
      ['to the teacher, even one who is an SVIB\u2019er', { ...owningTeacher, roles: ['leerkracht', 'svibber'] } as PersonWithRoles, 'handover-to-teacher'],
      ['to someone who is not an SVIB\u2019er', directie, 'handover-target-not-svibber'],
    ])('refuses a hand-over %s', (_, to, reason) => {
      expect(applyCommand(before, { type: 'handOver', to }, assignedSvibber, now)).toEqual({ ok: false, reason, trajectory: before });
    });
  });

  describe('cancelling by an SVIB\u2019er', () => {
    it('declines an open request with the reason, trimmed', () => {
      const before = deepFreeze(trajectoryIn('aangevraagd'));
      const result = applyCommand(before, { type: 'cancel', reason: '  Past beter bij de IB\u2019er.  ' }, otherSvibber, now);
      expect(result).toMatchObject({
        ok: true,
        trajectory: { phase: { kind: 'geannuleerd', by: 'svibber', reason: 'Past beter bij de IB\u2019er.' } },
        event: { what: 'requestDeclined', reason: 'Past beter bij de IB\u2019er.', by: person(otherSvibber), at: now },
      });
    });

    it('cancels an assigned trajectory as "cancelled"', () => {
      const result = applyCommand(trajectoryIn('intake'), { type: 'cancel', reason: 'Langdurig ziek.' }, assignedSvibber, now);
      expect(result).toMatchObject({ ok: true, event: { what: 'cancelled', reason: 'Langdurig ziek.' } });
    });

    it.each([
      ['', 'reason-required'],
      ['   \n ', 'reason-required'],
      ['x'.repeat(501), 'reason-too-long'],
    ])('refuses the reason %p', (reason, refusal) => {
      const before = deepFreeze(trajectoryIn('toegewezen'));
      expect(applyCommand(before, { type: 'cancel', reason }, assignedSvibber, now)).toEqual({ ok: false, reason: refusal, trajectory: before });
    });

    it('accepts a reason of exactly 500 characters', () => {
      expect(applyCommand(trajectoryIn('toegewezen'), { type: 'cancel', reason: 'x'.repeat(500) }, assignedSvibber, now).ok).toBe(true);
    });
  });

  describe('the teacher stopping', () => {
    it('withdraws without a reason: none is stored', () => {
      const result = applyCommand(deepFreeze(trajectoryIn('nagesprek 1')), { type: 'withdraw', reason: '   ' }, owningTeacher, now);
      expect(result).toEqual(
        expect.objectContaining({ ok: true, event: { what: 'withdrawn', by: person(owningTeacher), at: now } }),
      );
      expect(result.trajectory.phase).toEqual({ kind: 'geannuleerd', by: 'teacher' });
    });

    it('keeps a reason when given', () => {
      const result = applyCommand(trajectoryIn('toegewezen'), { type: 'withdraw', reason: 'Ik ga verhuizen.' }, owningTeacher, now);
      expect(result.trajectory.phase).toEqual({ kind: 'geannuleerd', by: 'teacher', reason: 'Ik ga verhuizen.' });
    });

    it('refuses a reason that is too long', () => {
      const before = deepFreeze(trajectoryIn('toegewezen'));
      expect(applyCommand(before, { type: 'withdraw', reason: 'x'.repeat(501) }, owningTeacher, now)).toEqual({
        ok: false,
        reason: 'reason-too-long',
        trajectory: before,
      });
    });
  });

  describe('a proposal', () => {
    const proposal = deepFreeze(trajectoryIn('voorgesteld'));

    it('becomes a request with the teacher\u2019s own answers when accepted', () => {
      const answers = { ...validIntake, helpQuestionKind: 'starter' as const, focus: ['didactiek' as const] };
      const result = applyCommand(proposal, { type: 'acceptProposal', intake: answers }, owningTeacher, now);
      expect(result).toMatchObject({
        ok: true,
        trajectory: { phase: { kind: 'aangevraagd' }, intake: answers, helpQuestionKind: 'starter', focus: ['didactiek'], proposal: proposal.proposal },
        event: { what: 'proposalAccepted' },
      });
    });

    it('is closed as declined by the teacher, with an optional reason', () => {
      const result = applyCommand(proposal, { type: 'declineProposal', reason: 'Niet dit jaar.' }, owningTeacher, now);
      expect(result).toMatchObject({
        ok: true,
        trajectory: { phase: { kind: 'geannuleerd', by: 'teacher', reason: 'Niet dit jaar.' } },
        event: { what: 'proposalDeclined', reason: 'Niet dit jaar.' },
      });
    });
  });

  it('never changes the trajectory it was given, also when it succeeds', () => {
    const before = deepFreeze(trajectoryIn('intake'));
    const copy = structuredClone(before);
    const result = applyCommand(before, { type: 'completeIntake', cycles: 5 }, assignedSvibber, now);
    expect(result).toMatchObject({ ok: true, trajectory: { cycles: 5, phase: { kind: 'opname', cycle: 1 } } });
    expect(before).toEqual(copy);
  });
});
