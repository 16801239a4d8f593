import { validIntake } from '../support/requestFlow';
import { useSchool } from '../support/school';
import { cardAction, marieke, personalChatOf, post, type Person } from '../support/teamsActivities';

/** A teacher whose Teams name and intake answer carry a link, HTML and emphasis. */
const eve: Person = { id: '29:eve', name: 'Eve [klik](https://evil.example/login) <b>', aadObjectId: '0a1b2c3d-0000-4000-8000-0000000000e5' };
const ANSWER = 'Zie [dit filmpje](https://evil.example/x) en **lees** <script>alert(1)</script>';

/** What markdown still reads as markup once every backslash escape is taken out. */
const markupOf = (card: unknown) => JSON.stringify(card).replace(/\\\\./g, '');

describe('user text reaches other people’s cards escaped (real Azurite, over HTTP)', () => {
  const school = useSchool({ svibbers: [marieke], others: [eve] });
  const act = (person: Person, verb: string, data: Record<string, unknown> = {}) => post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: person }, verb, data));

  it('shows the SVIB’er the hostile name and answer as text, on the new request and after taking it up', async () => {
    await act(eve, 'request.start');
    const form = school.connector.to(personalChatOf(eve)).at(-1)!.activity.attachments![0].content;
    const formId = String(form.actions!.find((action) => action.verb === 'intake.submit')!.data!.formId);
    await act(eve, 'intake.submit', { formId, ...validIntake, whatHappens: ANSWER });

    const request = school.connector.to(personalChatOf(marieke)).at(-1)!.activity.attachments![0].content;
    expect(JSON.stringify(request)).toContain('Eve \\\\[klik\\\\]');
    expect(markupOf(request)).not.toContain('](https');
    const trajectoryId = request.actions!.find((action) => action.verb === 'request.takeUp')!.data!.trajectoryId;
    // The id in the button's data is exact, not escaped.
    expect(String(trajectoryId)).toMatch(/^[A-Za-z0-9-]+$/);

    const taken = (await act(marieke, 'request.takeUp', { trajectoryId })).body?.value;
    expect(JSON.stringify(taken)).toContain('Zie \\\\[dit filmpje\\\\]');
    for (const markup of ['](https', '<script', '**lees**', '<b>']) expect(markupOf(taken)).not.toContain(markup);
  });
});
