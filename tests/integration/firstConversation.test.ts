import { installationKeyOf } from '../../src/domain/installations/installation';
import { RecordingConnector } from '../support/recordingConnector';
import { botAdded, botRemoved, cardAction, installationUpdate, message, post, sanne, TENANT_ID } from '../support/teamsActivities';
import { startTestApp, type TestApp } from '../support/testApp';

const MENU_BUTTONS = ['Begeleiding aanvragen', 'Mijn trajecten', 'Wat is SVIB?'];

describe('first conversation in personal chat (real storage on Azurite)', () => {
  const connector = new RecordingConnector();
  let serviceUrl: string;
  let app: TestApp;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  const personalKey = () =>
    installationKeyOf({ tenantId: TENANT_ID, conversationType: 'personal', conversationId: `a:personal-${sanne.id}`, userAadObjectId: sanne.aadObjectId });

  it('greets a teacher who installs the bot with the Dutch welcome card and its three buttons', async () => {
    const answer = await post(app.baseUrl, botAdded({ serviceUrl }));

    expect(answer.status).toBe(200);
    expect(connector.sent).toHaveLength(1);
    expect(connector.buttonsSent()[0]).toEqual(MENU_BUTTONS);
    const shown = connector.textsSent()[0];
    expect(shown).toContain('Welkom bij SVIB');
    expect(shown).toContain('School Video Interactie Begeleiding');
    expect(shown).toContain('Jouw traject is van jou');
  });

  it('stores the conversation reference on install and updates the same row on reinstall', async () => {
    await post(app.baseUrl, installationUpdate({ serviceUrl }, 'add'));
    const first = await app.composed.repositories.installations.get(personalKey());
    await post(app.baseUrl, botAdded({ serviceUrl }));
    const active = await app.composed.repositories.installations.listActive(personalKey().partitionKey);

    expect(first?.active).toBe(true);
    expect(JSON.parse(first!.reference)).toMatchObject({ serviceUrl, conversation: { id: `a:personal-${sanne.id}` } });
    const rows = active.filter((installation) => installation.key.rowKey === personalKey().rowKey);
    expect(rows).toHaveLength(1);
    expect(rows[0].installedAt).toEqual(first!.installedAt);
  });

  it('marks the reference inactive on uninstall and active again on reinstall', async () => {
    await post(app.baseUrl, botAdded({ serviceUrl }));
    await post(app.baseUrl, installationUpdate({ serviceUrl }, 'remove'));
    const removed = await app.composed.repositories.installations.get(personalKey());
    await post(app.baseUrl, installationUpdate({ serviceUrl }, 'add'));
    const reinstalled = await app.composed.repositories.installations.get(personalKey());

    expect(removed).toMatchObject({ active: false });
    expect(removed?.uninstalledAt).toBeInstanceOf(Date);
    expect(reinstalled).toMatchObject({ active: true, uninstalledAt: undefined });
  });

  it('marks the reference inactive when the bot is removed from a conversation', async () => {
    await post(app.baseUrl, botAdded({ serviceUrl }));
    await post(app.baseUrl, botRemoved({ serviceUrl }));

    expect(await app.composed.repositories.installations.get(personalKey())).toMatchObject({ active: false });
  });

  it('stores a team install by team and says in Dutch that trajectories stay in personal chat', async () => {
    await post(app.baseUrl, botAdded({ serviceUrl, scope: 'channel' }));
    const key = installationKeyOf({ tenantId: TENANT_ID, conversationType: 'channel', conversationId: '19:general@thread.tacv2', teamId: '19:team-regenboog@thread.tacv2' });

    expect(await app.composed.repositories.installations.get(key)).toMatchObject({ active: true, key: { scope: 'channel' } });
    expect(connector.sent[0].activity.text).toContain('persoonlijke chat');
  });

  it('stores a group chat install', async () => {
    await post(app.baseUrl, botAdded({ serviceUrl, scope: 'groupChat', conversationId: '19:groupchat@thread.v2' }));
    const key = installationKeyOf({ tenantId: TENANT_ID, conversationType: 'groupChat', conversationId: '19:groupchat@thread.v2' });

    expect(await app.composed.repositories.installations.get(key)).toMatchObject({ active: true, key: { scope: 'groupChat' } });
  });

  it.each(['help', 'hulp', 'Hulp!', 'menu', 'overzicht'])('answers a typed "%s" with what this teacher can do', async (text) => {
    await post(app.baseUrl, message({ serviceUrl }, text));

    expect(connector.sent).toHaveLength(1);
    const shown = connector.textsSent()[0];
    expect(shown).toContain('Wat kan ik voor je doen?');
    for (const button of MENU_BUTTONS) expect(shown).toContain(button);
    expect(shown).not.toContain('Mijn begeleidingen');
  });

  it('answers unknown text with a friendly Dutch pointer to the buttons', async () => {
    await post(app.baseUrl, botAdded({ serviceUrl }));
    connector.clear();
    await post(app.baseUrl, message({ serviceUrl }, 'Kun je het weerbericht geven?'));

    expect(connector.textsSent()[0]).toContain('Dat begrijp ik nog niet');
    expect(connector.buttonsSent()).toEqual([MENU_BUTTONS]);
  });

  it('shows the full welcome to someone who types before ever seeing it', async () => {
    await post(app.baseUrl, message({ serviceUrl, conversationId: 'a:never-welcomed' }, 'Kun je het weerbericht geven?'));

    expect(connector.textsSent()[0]).toContain('Welkom bij SVIB');
  });

  it('handles a message that Teams delivers twice only once', async () => {
    const activity = message({ serviceUrl }, 'hulp');
    await post(app.baseUrl, activity);
    await post(app.baseUrl, activity);

    expect(connector.sent).toHaveLength(1);
  });

  it('answers "Wat is SVIB?" with the explanation card', async () => {
    const answer = await post(app.baseUrl, cardAction({ serviceUrl }, 'svib.about'));

    expect(answer.status).toBe(200);
    expect(connector.textsSent()[0]).toContain('Zo verloopt een traject');
    expect(connector.textsSent()[0]).toContain('Intakegesprek');
  });

  it('answers an unknown card verb in Dutch instead of an error', async () => {
    const answer = await post(app.baseUrl, cardAction({ serviceUrl }, 'does.not.exist'));

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, value: 'Deze knop ken ik niet (meer). Typ *hulp* voor het overzicht.' });
  });

  it('logs one line per turn with type, conversation type and latency, and never the message text', async () => {
    app.logs.lines.length = 0;
    await post(app.baseUrl, message({ serviceUrl }, 'Mijn geheime hulpvraag over Pietje'));

    const turns = app.logs.lines.filter((line) => line.msg === 'turn');
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ activityType: 'message', conversationType: 'personal', outcome: 'handled' });
    expect(typeof turns[0].latencyMs).toBe('number');
    expect(JSON.stringify(app.logs.lines)).not.toContain('Pietje');
    expect(JSON.stringify(app.logs.lines)).not.toContain(sanne.name);
  });
});
