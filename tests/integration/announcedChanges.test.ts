import { installationKeyOf } from '../../src/domain/installations/installation';
import type { Appointment } from '../../src/domain/scheduling/appointment';
import { sendDueReminders } from '../../src/jobs/appointmentJobs';
import { KijkwijzerRoundRepository } from '../../src/storage/kijkwijzer/KijkwijzerRoundRepository';
import { UsedLinkRepository } from '../../src/storage/links/UsedLinkRepository';
import { useSchool } from '../support/school';
import { marieke, personalChatOf, sanne, TENANT_ID } from '../support/teamsActivities';

/**
 * A job's claim and the messages it claims are written as one: the messages are held in the
 * outbox before the claim, so a claim whose answer is lost (it landed, the process did not hear)
 * still sends them, exactly once.
 */
describe('a claim and the messages it is for, written as one (real storage on Azurite)', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne] });

  function confirmedAppointment(start: Date): Appointment {
    const slot = { start, durationMinutes: 45, location: 'lokaal 12' };
    return {
      id: 'appointment-announced-1',
      trajectoryId: 'trajectory-announced-1',
      schoolId: 'default',
      kind: 'intake',
      cycle: 0,
      isFinalTalk: false,
      svibberId: marieke.aadObjectId,
      teacherId: sanne.aadObjectId,
      svibberName: marieke.name,
      teacherName: sanne.name,
      status: 'confirmed',
      proposedSlots: [slot],
      chosen: slot,
      sequence: 0,
      createdAt: new Date(start.getTime() - 86_400_000),
      updatedAt: new Date(start.getTime() - 86_400_000),
    };
  }

  /** A proposal stored for the teacher to choose from, `daysAhead` from now. */
  async function storedProposal(id: string, daysAhead: number): Promise<Appointment> {
    const proposed: Appointment = { ...confirmedAppointment(new Date(Date.now() + daysAhead * 86_400_000)), id, status: 'proposed' };
    delete proposed.chosen;
    expect(await school.app.composed.repositories.appointments.create(TENANT_ID, proposed)).toBe(true);
    return proposed;
  }

  it('sends the reminders of a claim that landed although its answer was lost, and only once', async () => {
    const { appointments } = school.app.composed.repositories;
    const now = new Date();
    expect(await appointments.create(TENANT_ID, confirmedAppointment(new Date(now.getTime() + 40 * 60_000)))).toBe(true);
    const claim = appointments.claim.bind(appointments);
    const lostAnswer = jest.spyOn(appointments, 'claim').mockImplementation(async (...args) => {
      await claim(...args);
      throw new Error('the answer timed out');
    });
    await expect(sendDueReminders(school.app.composed.appointmentJobOptions, now)).rejects.toThrow('the answer timed out');
    lostAnswer.mockRestore();
    await school.app.composed.deliveries.idle();

    for (const person of [sanne, marieke]) {
      const texts = school.connector.to(personalChatOf(person)).map((sent) => sent.activity.text);
      expect(texts).toEqual([expect.stringContaining('Over een uur')]);
    }
    // The claim holds: the next round sends nothing more.
    expect(await sendDueReminders(school.app.composed.appointmentJobOptions, now)).toBe(0);
  });

  it('invites to a kijkwijzer round whose start landed although its answer was lost, once', async () => {
    const create = KijkwijzerRoundRepository.prototype.create;
    const lostAnswer = jest.spyOn(KijkwijzerRoundRepository.prototype, 'create').mockImplementation(async function (this: KijkwijzerRoundRepository, round) {
      await create.call(this, round);
      throw new Error('the answer timed out');
    });
    const participants = [sanne, marieke].map((person) => ({ userId: person.aadObjectId, name: person.name }));
    const closesOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await expect(school.app.composed.kijkwijzer.start(school.beheerder, { closesOn, participantIds: participants.map((person) => person.userId) }, participants)).rejects.toThrow(
      'the answer timed out',
    );
    lostAnswer.mockRestore();
    await school.app.composed.deliveries.idle();

    for (const person of [sanne, marieke]) expect(school.connector.to(personalChatOf(person))).toHaveLength(1);
    const again = await school.app.composed.kijkwijzer.start(school.beheerder, { closesOn, participantIds: participants.map((person) => person.userId) }, participants);
    expect(again).toMatchObject({ ok: false, problems: ['round-open'] });
  });

  it('sends what a once-only claim announced when the claim landed although its answer was lost; nothing when another claimed first', async () => {
    const { storage, deliveries } = school.app.composed;
    const usedLinks = new UsedLinkRepository(storage.table(storage.names.usedLinksTable));
    const key = installationKeyOf({ tenantId: TENANT_ID, conversationType: 'personal', conversationId: '', userAadObjectId: sanne.aadObjectId });
    const announce = (text: string) => async () => {
      await deliveries.outgoing.sendToConversation(TENANT_ID, key, { kind: 'text', text }, { userId: sanne.aadObjectId });
    };
    const at = new Date();
    const claim = async () => {
      await usedLinks.useOnce('announced-once', at);
      throw new Error('the answer timed out');
    };
    await expect(deliveries.outgoing.withChange({ kind: 'onceClaim', key: 'announced-once', at: at.toISOString() }, announce('eerste keer'), claim)).rejects.toThrow('the answer timed out');
    const later = new Date(at.getTime() + 1000);
    const claimedAgain = await deliveries.outgoing.withChange(
      { kind: 'onceClaim', key: 'announced-once', at: later.toISOString() },
      announce('tweede keer'),
      () => usedLinks.useOnce('announced-once', later),
      (first) => first,
    );
    await deliveries.idle();

    expect(claimedAgain).toBe(false);
    expect(school.connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text)).toEqual(['eerste keer']);
  });

  it('tells the begeleider of a chosen moment whose write landed although its answer was lost', async () => {
    const { repositories, scheduling, deliveries } = school.app.composed;
    const proposed = await storedProposal('appointment-announced-2', 7);
    const update = repositories.appointments.update.bind(repositories.appointments);
    const lostAnswer = jest.spyOn(repositories.appointments, 'update').mockImplementation(async (...args) => {
      await update(...args);
      throw new Error('the answer timed out');
    });
    const teacher = { tenantId: TENANT_ID, schoolId: 'default', userId: sanne.aadObjectId, name: sanne.name, roles: ['leerkracht' as const] };
    await expect(scheduling.choose(teacher, proposed.id, 0, '0')).rejects.toThrow('the answer timed out');
    lostAnswer.mockRestore();
    await deliveries.idle();

    const told = school.connector.to(personalChatOf(marieke)).map((sent) => sent.activity.text);
    expect(told).toEqual([expect.stringContaining(sanne.name)]);
    expect((await repositories.appointments.get(TENANT_ID, 'default', proposed.id))?.appointment.status).toBe('confirmed');
  });

  it('sends what an appointment change announced when its retry answered "changed" because the first try had landed', async () => {
    const { repositories, scheduling, deliveries } = school.app.composed;
    const proposed = await storedProposal('appointment-announced-3', 9);
    const update = repositories.appointments.update.bind(repositories.appointments);
    const retried = jest.spyOn(repositories.appointments, 'update').mockImplementation(async (stored, next, options) => {
      await update(stored, next, options);
      // The SDK's retry of the applied write finds a newer ETag: 412.
      return update(stored, next, options);
    });
    const teacher = { tenantId: TENANT_ID, schoolId: 'default', userId: sanne.aadObjectId, name: sanne.name, roles: ['leerkracht' as const] };
    await scheduling.choose(teacher, proposed.id, 0, '0');
    retried.mockRestore();
    await deliveries.idle();

    expect(school.connector.to(personalChatOf(marieke)).map((sent) => sent.activity.text)).toEqual([expect.stringContaining(sanne.name)]);
  });
});
