import { cardVerbs } from '../../src/cards/cardVerbs';
import { textCommandPhrases } from '../../src/domain/conversation/textCommand';
import { commandsOutsidePersonalChat, verbsOutsidePersonalChat } from '../../src/teams/conversationGuard';
import { textsFor } from '../../src/texts';
import { actorOf, guidedTrajectory, uploadRecording } from '../support/recordings';
import { useSchool } from '../support/school';
import { BOT, cardAction, fatima, joost, marieke, message, peter, personalChatOf, post, sanne, taskFetch, TENANT_ID, type Person } from '../support/teamsActivities';

jest.setTimeout(60_000);

const texts = textsFor('nl');
const POINTERS = [texts.channels.sentToPersonalChat, texts.channels.onlyInPersonalChat, texts.channels.noPersonalChat];
const CHANNEL = '19:general@thread.tacv2';
const GROUP_CHAT = '19:groupchat@thread.v2';
const VIDEO = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(2048, 7)]);

const scopes = [
  { scope: 'channel' as const, conversationId: CHANNEL },
  { scope: 'groupChat' as const, conversationId: GROUP_CHAT },
];

/**
 * In a team channel or group chat the bot never shows anything of a trajectory or a recording:
 * every card verb and every typed command, walked from their tables so a new one is covered too.
 */
describe('nothing personal in a channel or group chat (real storage on Azurite)', () => {
  const school = useSchool({ svibbers: [marieke], others: [sanne, peter] });
  const { connector } = school;
  let trajectoryId: string;
  let recordingId: string;
  /** Words of Sanne's trajectory that must never appear outside her personal chat. */
  let secrets: string[];
  let roundId: string;

  beforeAll(async () => {
    const teacher = await actorOf(school.app, sanne);
    trajectoryId = await guidedTrajectory(school.app, teacher, await actorOf(school.app, marieke));
    await school.app.composed.trajectoryService.run(await actorOf(school.app, marieke), trajectoryId, { type: 'startIntake' });
    await school.app.composed.trajectoryService.run(await actorOf(school.app, marieke), trajectoryId, { type: 'completeIntake', cycles: 3 });
    recordingId = (await uploadRecording(school.app, teacher, trajectoryId, VIDEO, 'video/webm')).id;
    // A running kijkwijzer round Sanne takes part in (started directly: the commissie's card flow is tested elsewhere).
    const started = await school.app.composed.kijkwijzer.start(school.beheerder, { closesOn: '2099-06-30', participantIds: [sanne.aadObjectId] }, [{ userId: sanne.aadObjectId, name: sanne.name }]);
    if (!started.ok) throw new Error(started.reason);
    roundId = started.round.id;
    secrets = ['De groep luistert slecht', 'Een groep die na de pauze', trajectoryId, recordingId, '/recordings/watch', '/recordings/upload'];
  });

  /** What people saw; a typing indicator (sent on a slow turn) shows nothing. */
  const seen = () => connector.sent.filter((sent) => sent.activity.type !== 'typing');
  const outside = (_conversationId: string) => seen().filter((sent) => !sent.conversationId.startsWith('a:personal-'));
  const seenIn = (conversationId: string) => seen().filter((sent) => sent.conversationId === conversationId);
  const leaked = (shown: string) => secrets.filter((secret) => shown.includes(secret));
  const phaseOfTrajectory = async () => (await school.app.composed.repositories.trajectories.get(TENANT_ID, 'default', trajectoryId))?.trajectory.phase.kind;

  describe.each(scopes)('in a $scope', ({ scope, conversationId }) => {
    const context = (from: Person) => ({ serviceUrl: school.serviceUrl, from, scope, conversationId });
    const data = () => ({ trajectoryId, recordingId, cycle: '1', page: 'watch', grantId: 'g-1', appointmentId: 'a-1', slot: '0', userId: sanne.aadObjectId, role: 'svibber', reason: 'x', step: 'startIntake' });

    it.each(Object.values(cardVerbs))('answers the card verb %s without showing anything personal there', async (verb) => {
      const phaseBefore = await phaseOfTrajectory();
      const answer = await post(school.app.baseUrl, cardAction(context(sanne), verb, data()));
      const treatment = verbsOutsidePersonalChat[verb] ?? 'pointerOnly';

      expect(answer.status).toBe(200);
      expect(leaked(JSON.stringify(answer.body ?? ''))).toEqual([]);
      expect(leaked(JSON.stringify(outside(conversationId)))).toEqual([]);
      expect(await phaseOfTrajectory()).toBe(phaseBefore);
      if (treatment === 'answerHere') return;
      expect(POINTERS).toContain(answer.body?.value);
      expect(outside(conversationId)).toEqual([]);
      if (treatment === 'sendToPersonalChat') {
        expect(answer.body?.value).toBe(texts.channels.sentToPersonalChat);
        expect(connector.to(personalChatOf(sanne)).length).toBeGreaterThan(0);
      } else {
        expect(answer.body?.value).toBe(texts.channels.onlyInPersonalChat);
        expect(seenIn(personalChatOf(sanne))).toEqual([]);
      }
    });

    it.each(Object.values(cardVerbs))('answers a dialog request for %s with a pointer only', async (verb) => {
      const answer = await post(school.app.baseUrl, taskFetch(context(sanne), { verb, ...data() }));

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ task: { type: 'message', value: texts.channels.onlyInPersonalChat } });
      expect(seen()).toEqual([]);
    });

    it('shows the trajectory opened there in the personal chat, never in the conversation', async () => {
      const answer = await post(school.app.baseUrl, cardAction(context(sanne), cardVerbs.trajectoryOpen, { trajectoryId }));

      expect(answer.body?.value).toBe(texts.channels.sentToPersonalChat);
      expect(JSON.stringify(connector.to(personalChatOf(sanne)))).toContain('De groep luistert slecht');
      expect(outside(conversationId)).toEqual([]);
    });

    it.each(textCommandPhrases.map(([command, words]) => [command, words[0]] as const))('answers the typed command %s ("%s") without anything personal there', async (command, words) => {
      await post(school.app.baseUrl, message(context(sanne), words));
      const treatment = commandsOutsidePersonalChat[command] ?? 'pointerOnly';
      const here = seenIn(conversationId);

      expect(leaked(JSON.stringify(outside(conversationId)))).toEqual([]);
      expect(here).toHaveLength(1);
      if (treatment === 'sendToPersonalChat') {
        expect(here[0].activity.text).toBe(texts.channels.sentToPersonalChat);
        expect(here[0].activity.attachments ?? []).toEqual([]);
        expect(connector.to(personalChatOf(sanne)).length).toBeGreaterThan(0);
      } else if (treatment === 'channelHelp') {
        const card = JSON.stringify(here[0].activity.attachments);
        expect(card).toContain(texts.channels.helpTitle);
        expect(here[0].activity.attachments![0].content.actions!.map((action) => action.verb)).toEqual([cardVerbs.aboutSvib]);
      } else if (treatment === 'pointerOnly') {
        expect(here[0].activity.text).toBe(texts.channels.onlyInPersonalChat);
      }
    });

    it('answers unknown text and hulp with the channel card, not the personal welcome with its buttons', async () => {
      await post(school.app.baseUrl, message(context(sanne), 'hulp'));
      await post(school.app.baseUrl, message(context(sanne), 'Kun je het weerbericht geven?'));

      const shown = JSON.stringify(seenIn(conversationId));
      expect(shown).toContain(texts.channels.helpTitle);
      expect(shown).not.toContain(texts.welcome.ownership);
      expect(shown).not.toContain(cardVerbs.myTrajectories);
      expect(shown).not.toContain(cardVerbs.requestStart);
    });

    it('treats a message that mentions the bot, as Teams sends it in a channel, the same way', async () => {
      const mentioned = {
        ...message(context(sanne), '<at>SVIB-bot</at> mijn trajecten'),
        entities: [{ type: 'mention', text: '<at>SVIB-bot</at>', mentioned: { id: BOT.id, name: BOT.name } }],
      };
      await post(school.app.baseUrl, mentioned);

      expect(seenIn(conversationId).map((sent) => sent.activity.text)).toEqual([texts.channels.sentToPersonalChat]);
      expect(JSON.stringify(connector.to(personalChatOf(sanne)))).toContain('Mijn trajecten');
    });

    it('opens one’s own kijkwijzer page clicked there in the personal chat; saving a page there stays a pointer', async () => {
      const opened = await post(school.app.baseUrl, cardAction(context(sanne), cardVerbs.kijkwijzerOpen, { roundId }));

      expect(opened.body?.value).toBe(texts.channels.sentToPersonalChat);
      const page = JSON.stringify(connector.to(personalChatOf(sanne)));
      expect(page).toContain('"id":"rating_k1"');
      expect(page).toContain(cardVerbs.kijkwijzerSave);
      expect(outside(conversationId)).toEqual([]);

      connector.clear();
      const saved = await post(school.app.baseUrl, cardAction(context(sanne), cardVerbs.kijkwijzerSave, { roundId, page: '0', rating_k1: 'plus' }));
      expect(saved.body?.value).toBe(texts.channels.onlyInPersonalChat);
      expect(seen()).toEqual([]);
      const progress = JSON.stringify((await post(school.app.baseUrl, cardAction({ serviceUrl: school.serviceUrl, from: sanne }, cardVerbs.kijkwijzerOpen, { roundId }))).body?.value);
      // Nothing was saved from the channel.
      expect(progress).toContain('"id":"rating_k1","label":"Hoe staat het ervoor?","style":"expanded","value":""');
    });

    it('opens the kijkwijzers of a recording clicked there in the personal chat', async () => {
      const opened = await post(school.app.baseUrl, cardAction(context(sanne), cardVerbs.observationOpen, { recordingId }));

      expect(opened.body?.value).toBe(texts.channels.sentToPersonalChat);
      expect(JSON.stringify(connector.to(personalChatOf(sanne)))).toContain(cardVerbs.observationSave);
      expect(outside(conversationId)).toEqual([]);
    });

    it('sends the beheerder’s roles card to the personal chat', async () => {
      await post(school.app.baseUrl, message(context(fatima), 'instellingen'));

      expect(seenIn(conversationId).map((sent) => sent.activity.text)).toEqual([texts.channels.sentToPersonalChat]);
      expect(JSON.stringify(connector.to(personalChatOf(fatima)))).toContain('Marieke Jansen');
    });

    it('says so when the person has no personal chat to send it to', async () => {
      const typed = await post(school.app.baseUrl, message(context(joost), 'mijn trajecten'));
      const clicked = await post(school.app.baseUrl, cardAction(context(joost), cardVerbs.myTrajectories));

      expect(typed.status).toBe(200);
      expect(seenIn(conversationId).map((sent) => sent.activity.text)).toEqual([texts.channels.noPersonalChat]);
      expect(clicked.body?.value).toBe(texts.channels.noPersonalChat);
      expect(seenIn(personalChatOf(joost))).toEqual([]);
    });
  });
});
