import type { Appointment } from '../../src/domain/scheduling/appointment';
import { sendDueReminders } from '../../src/jobs/appointmentJobs';
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
});
