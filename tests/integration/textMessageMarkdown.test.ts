import { validIntake } from '../support/requestFlow';
import { useSchool } from '../support/school';
import { cardAction, personalChatOf, post, sanne, type Person } from '../support/teamsActivities';

jest.setTimeout(60_000);

/** A colleague whose Teams name is markdown: in a text message it must read as typed. */
const jan: Person = { id: '29:jan', name: '*Jan* [klik](http://evil.example)', aadObjectId: '0a1b2c3d-0000-4000-8000-0000000000aa' };
const escapedJan = '\\*Jan\\* \\[klik\\](http:\\/\\/evil.example)';

describe('proactive text messages escape what people typed, not our own markdown (real storage on Azurite)', () => {
  const school = useSchool({ svibbers: [jan], others: [sanne] });
  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));

  async function openRequest(): Promise<string> {
    await act(sanne, 'request.start');
    const form = school.connector.to(personalChatOf(sanne)).at(-1)!.activity.attachments![0].content;
    const formId = form.actions!.find((action) => action.verb === 'intake.submit')!.data!.formId;
    await act(sanne, 'intake.submit', { formId, ...validIntake });
    return String(school.connector.to(personalChatOf(jan)).at(-1)!.activity.attachments![0].content.actions!.find((a) => a.verb === 'request.takeUp')!.data!.trajectoryId);
  }

  it('a name and a reason with markdown reach the teacher as plain text', async () => {
    const trajectoryId = await openRequest();
    school.connector.clear();
    await act(jan, 'trajectory.cancel', { trajectoryId, reason: 'Zie **hier**: [uitleg](https://evil.example/x) _nu_' });
    const [told] = school.connector.to(personalChatOf(sanne));
    expect(told.activity.text).toBe(`${escapedJan} kan je aanvraag niet oppakken. Toelichting: Zie \\*\\*hier\\*\\*: \\[uitleg\\](https:\\/\\/evil.example/x) \\_nu\\_ Je kunt altijd opnieuw begeleiding aanvragen.`);
  });

  it('a name in a notice reads as typed', async () => {
    const trajectoryId = await openRequest();
    school.connector.clear();
    await act(jan, 'request.takeUp', { trajectoryId });
    const texts = school.connector.to(personalChatOf(sanne)).map((sent) => sent.activity.text);
    expect(texts).toContain(`${escapedJan} heeft je aanvraag opgepakt en wordt je begeleider. Jullie plannen samen het intakegesprek.`);
  });
});
