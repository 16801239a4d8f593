import { parse } from 'csv-parse/sync';
import { delivered } from '../support/deliveries';
import mammoth from 'mammoth';
import { closeKijkwijzerRounds, remindKijkwijzerParticipants } from '../../src/jobs/kijkwijzerJobs';
import { signLink } from '../../src/features/links/signedLinks';
import { KijkwijzerListRepository } from '../../src/storage/kijkwijzer/KijkwijzerListRepository';
import { kijkwijzerClient, lastCardTo, pageAnswers, statementIdsOn } from '../support/kijkwijzer';
import { useSchool } from '../support/school';
import { botAdded, botRemoved, fatima, joost, lotte, marieke, message, peter, personalChatOf, post, sanne, TENANT_ID, type Person } from '../support/teamsActivities';
import { startTestApp, type TestApp } from '../support/testApp';

describe('the school kijkwijzer from start to close (real storage on Azurite)', () => {
  let clock = new Date('2026-11-30T09:00:00Z'); // a Monday
  const now = () => clock;
  const school = useSchool({ svibbers: [marieke], others: [sanne, peter, joost, lotte] }, { now, env: { KIJKWIJZER_REMINDER_SCHOOL_DAYS: '2' } });
  const baseUrl = () => school.app.baseUrl;
  const { act } = kijkwijzerClient(() => baseUrl(), () => school.serviceUrl);
  const say = (person: Person, text: string) => post(baseUrl(), message({ serviceUrl: school.serviceUrl, from: person }, text));
  const text = (value: unknown) => JSON.stringify(value);
  let roundId = '';
  const participants = [fatima, marieke, sanne, peter, lotte];
  const SANNE_NOTE = 'Dit is alleen van Sanne';

  const restart = async (): Promise<TestApp> => startTestApp({ STORAGE_NAME_PREFIX: school.app.composed.config.storageNamePrefix, KIJKWIJZER_REMINDER_SCHOOL_DAYS: '2' }, now);

  it('the commissie sees the default Kijkwijzer SVIB and changes it; a teacher may not', async () => {
    await say(fatima, 'kijkwijzer beheren');
    const card = lastCardTo(school.connector, fatima);
    expect(text(card)).toContain('Kijkwijzer SVIB beheren');
    expect(text(card)).toContain('inductieplan');
    expect(statementTexts(card)).toHaveLength(6);

    for (const extra of ['Nieuwe collega’s krijgen uitleg over SVIB.', 'Vier', 'Vijf', 'Zes']) {
      expect(text(await act(fatima, 'kijkwijzer.statement.add', { newStatement: extra }))).toContain('Opgeslagen.');
    }
    const reworded = await act(fatima, 'kijkwijzer.statement.reword', { statementId: 'k2', text_k2: 'Startende leerkrachten krijgen SVIB in hun eerste jaar.' });
    expect(text(reworded)).toContain('Startende leerkrachten krijgen SVIB in hun eerste jaar.');
    const retired = await act(fatima, 'kijkwijzer.statement.retire', { statementId: 'k8' });
    expect(statementTexts(retired)).toHaveLength(9);
    const moved = await act(fatima, 'kijkwijzer.statement.move', { statementId: 'k7', direction: 'up' });
    expect(statementTexts(moved).indexOf('Nieuwe collega’s krijgen uitleg over SVIB.')).toBe(5);

    const empty = await act(fatima, 'kijkwijzer.statement.add', { newStatement: '   ' });
    expect(text(empty)).toContain('Vul een stelling in.');
    const stale = await act(fatima, 'kijkwijzer.statement.retire', { statementId: 'k1', version: 1 });
    expect(text(stale)).toContain('door iemand anders gewijzigd');
    expect(statementTexts(stale)).toHaveLength(9);

    expect(await act(sanne, 'kijkwijzer.statement.add', { newStatement: 'Van Sanne' })).toContain('alleen de SVIB-commissie');
    expect(await act(sanne, 'kijkwijzer.manage')).toContain('alleen de SVIB-commissie');
  });

  it('a change written over a version someone else changed meanwhile is refused by the storage (ETag)', async () => {
    const { storage, kijkwijzer } = school.app.composed;
    const lists = new KijkwijzerListRepository(storage.table(storage.names.kijkwijzerListsTable));
    const actor = school.beheerder;
    const stale = (await lists.get(actor.tenantId, actor.schoolId))!;
    expect((await kijkwijzer.editList(actor, { kind: 'reword', statementId: 'k1', text: 'Tijdelijk anders' })).ok).toBe(true);
    // The other commissie member still holds the version read before: it does not overwrite.
    expect(await lists.save(actor.tenantId, actor.schoolId, { ...stale.list, version: stale.list.version + 1 }, stale.etag)).toBe(false);
    const current = (await lists.get(actor.tenantId, actor.schoolId))!;
    expect(current.list.statements[0]!.text).toBe('Tijdelijk anders');
    expect((await kijkwijzer.editList(actor, { kind: 'reword', statementId: 'k1', text: stale.list.statements[0]!.text })).ok).toBe(true);
  });

  it('starts the nulmeting with the chosen team members; ids that are not colleagues are dropped, the unreachable are named', async () => {
    await post(baseUrl(), botRemoved({ serviceUrl: school.serviceUrl, from: lotte }));
    const form = await act(fatima, 'kijkwijzer.round.form');
    expect(text(form)).toContain('Nieuwe meting starten: nulmeting');
    for (const person of [sanne, peter, joost, lotte]) expect(text(form)).toContain(person.name);

    const missing = await act(fatima, 'kijkwijzer.round.start', { closesOn: '', participants: '' });
    expect(text(missing)).toContain('Kies een sluitingsdatum.');
    expect(text(missing)).toContain('Kies wie meedoet.');

    school.connector.clear();
    const ids = [...participants.map((person) => person.aadObjectId), 'someone-from-elsewhere'].join(',');
    const started = await act(fatima, 'kijkwijzer.round.start', { closesOn: '2026-12-11', participants: ids });
    expect(text(started)).toContain('De nulmeting is gestart: 4 van 5 collega’s hebben de kijkwijzer gekregen.');
    expect(text(started)).toContain('Nog niet bereikbaar (nooit met de bot gechat): Lotte Smit');

    const again = await act(fatima, 'kijkwijzer.round.start', { closesOn: '2026-12-11', participants: ids });
    expect(text(again)).toContain('Er loopt al een meting');
    for (const person of [fatima, marieke, sanne, peter]) {
      const invitations = school.connector.to(personalChatOf(person));
      expect(invitations).toHaveLength(1);
      expect(text(invitations[0]!.activity)).toContain('Pagina 1 van 2');
    }
    expect(school.connector.to(personalChatOf(joost))).toHaveLength(0);
    roundId = String(lastCardTo(school.connector, sanne)!.actions!.find((action) => action.verb === 'kijkwijzer.save')!.data!.roundId);
  });

  it('a round keeps the statements it began with when the list changes later', async () => {
    await act(fatima, 'kijkwijzer.statement.add', { newStatement: 'Na de start toegevoegd' });
    const page = await act(sanne, 'kijkwijzer.open', { roundId, page: 1 });
    expect(text(page)).not.toContain('Na de start toegevoegd');
    expect(text(page)).toContain('Pagina 2 van 2');
  });

  it('saves a page as it is sent, names problems without saving anything, and keeps a half-filled kijkwijzer across a restart', async () => {
    const first = await act(sanne, 'kijkwijzer.open', { roundId, page: 0 });
    const firstIds = statementIdsOn(first);
    expect(firstIds).toHaveLength(8);

    const wrong = await act(sanne, 'kijkwijzer.save', { roundId, page: 0, move: 'next', ...pageAnswers(firstIds), [`rating_${firstIds[1]}`]: '', [`mark_${firstIds[1]}`]: 'werkpunt' });
    expect(text(wrong)).toContain('er is nog niets opgeslagen');
    expect(text(wrong)).toContain('Kies eerst +, ± of −');
    expect(text(wrong)).toContain('Je hebt 0 van de 9 stellingen ingevuld.');

    const saved = await act(sanne, 'kijkwijzer.save', {
      roundId,
      page: 0,
      move: 'next',
      ...pageAnswers(firstIds, 'plus', { [`mark_${firstIds[0]}`]: 'werkpunt', [`note_${firstIds[0]}`]: SANNE_NOTE, [`rating_${firstIds[2]}`]: 'minus' }),
      userId: peter.aadObjectId,
    });
    expect(text(saved)).toContain('Pagina 2 van 2');
    expect(text(saved)).toContain('Je hebt 8 van de 9 stellingen ingevuld.');

    await school.app.close();
    const restarted = await restart();
    school.app = restarted;
    await say(sanne, 'mijn kijkwijzers');
    const mine = lastCardTo(school.connector, sanne);
    expect(text(mine)).toContain('nulmeting: 8 van 9 ingevuld');

    const back = await act(sanne, 'kijkwijzer.open', { roundId, page: 0 });
    expect(text(back)).toContain(SANNE_NOTE);
    expect(text(back)).toContain('"value":"minus"');
    const last = await act(sanne, 'kijkwijzer.open', { roundId, page: 1 });
    const done = await act(sanne, 'kijkwijzer.save', { roundId, page: 1, move: 'stay', ...pageAnswers(statementIdsOn(last), 'partly') });
    expect(text(done)).toContain('Klaar: je hebt alle stellingen ingevuld.');
  });

  it('nobody sees another person’s answers, whatever ids they send', async () => {
    // Peter takes part too: he gets his own empty sheet, never Sanne's.
    const peters = await act(peter, 'kijkwijzer.open', { roundId, page: 0, userId: sanne.aadObjectId });
    expect(text(peters)).toContain('Je hebt 0 van de 9 stellingen ingevuld.');
    expect(text(peters)).not.toContain(SANNE_NOTE);
    // Joost was not invited: the round does not exist for him.
    expect(await act(joost, 'kijkwijzer.open', { roundId, page: 0 })).toContain('niet voor jou bedoeld');
    expect(await act(joost, 'kijkwijzer.save', { roundId, page: 0, ...pageAnswers(['k1']) })).toContain('niet voor jou bedoeld');
    // The commissie sees no figures while the round runs, and a teacher never.
    expect(await act(fatima, 'kijkwijzer.round.result', { roundId })).toContain('loopt nog');
    expect(await act(sanne, 'kijkwijzer.round.result', { roundId })).toContain('alleen de SVIB-commissie');
    const overview = await act(fatima, 'kijkwijzer.manage');
    expect(text(overview)).toContain('nulmeting: loopt tot');
    expect(text(overview)).toContain('1 van 5 klaar');
    expect(text(overview)).not.toContain(SANNE_NOTE);
  });

  it('others answer; a reminder goes once to the unfinished, even with two instances and a restart', async () => {
    for (const person of [marieke, peter]) {
      const ids = statementIdsOn(await act(person, 'kijkwijzer.open', { roundId, page: 0 }));
      await act(person, 'kijkwijzer.save', { roundId, page: 0, move: 'next', ...pageAnswers(ids, person === peter ? 'minus' : 'plus', { [`mark_${ids[0]}`]: 'werkpunt' }) });
    }
    school.connector.clear();
    clock = new Date('2026-12-08T10:00:00Z');
    expect(await remindKijkwijzerParticipants(school.app.composed.kijkwijzerJobOptions, clock)).toBe(0);

    clock = new Date('2026-12-09T10:00:00Z');
    const other = await restart();
    const counts = await Promise.all([remindKijkwijzerParticipants(school.app.composed.kijkwijzerJobOptions, clock), remindKijkwijzerParticipants(other.composed.kijkwijzerJobOptions, clock)]);
    expect(counts[0] + counts[1]).toBe(3);
    expect(await remindKijkwijzerParticipants(other.composed.kijkwijzerJobOptions, new Date('2026-12-10T10:00:00Z'))).toBe(0);
    await delivered(other);
    await other.close();
    await delivered(school.app);

    const reminders = (person: Person) => school.connector.to(personalChatOf(person)).filter((sent) => text(sent.activity).includes('Herinnering: de kijkwijzer SVIB'));
    expect(reminders(sanne)).toHaveLength(0);
    for (const person of [fatima, marieke, peter]) expect(reminders(person)).toHaveLength(1);
    // Marieke answered page 1: her reminder opens the page still open.
    expect(text(reminders(marieke)[0]!.activity)).toContain('Pagina 2 van 2');
    expect(text(reminders(fatima)[0]!.activity)).toContain('Je hebt 0 van de 9 stellingen ingevuld.');
  });

  it('closes once at its date with two instances; the commissie gets the processing; answers are fixed from then on', async () => {
    clock = new Date('2026-12-11T22:59:00Z');
    expect(await closeKijkwijzerRounds(school.app.composed.kijkwijzerJobOptions, clock)).toBe(0);
    school.connector.clear();

    clock = new Date('2026-12-11T23:05:00Z');
    const other = await restart();
    const counts = await Promise.all([closeKijkwijzerRounds(school.app.composed.kijkwijzerJobOptions, clock), closeKijkwijzerRounds(other.composed.kijkwijzerJobOptions, clock)]);
    await delivered(other);
    await other.close();
    await delivered(school.app);
    expect(counts[0] + counts[1]).toBe(1);

    const toFatima = school.connector.to(personalChatOf(fatima));
    expect(toFatima.filter((sent) => text(sent.activity).includes('De nulmeting is gesloten. 1 van de 5 collega’s'))).toHaveLength(1);
    // Two instances send: the notice and the processing card may arrive in either order.
    const result = toFatima.filter((sent) => !text(sent.activity).includes('De nulmeting is gesloten')).at(-1)!.activity.attachments![0]!.content;
    expect(text(result)).toContain('Uitkomst kijkwijzer SVIB · nulmeting');
    expect(text(result)).toContain('Respons: 1 van 5 helemaal ingevuld (20%).');
    expect(text(result)).toContain('+ 2 (67%) · ± 0 (0%) · − 1 (33%)');
    expect(text(result)).toContain('werkpunt 3');
    expect(text(result)).toContain('te weinig antwoorden');
    expect(text(result)).not.toContain(SANNE_NOTE);
    for (const person of [sanne, peter, marieke]) expect(text(school.connector.to(personalChatOf(person)))).not.toContain('Uitkomst');

    expect(await act(sanne, 'kijkwijzer.save', { roundId, page: 0, ...pageAnswers(['k1'], 'minus') })).toContain('gesloten');
  });

  it('the CSV parses back: BOM, semicolons, one row per statement, small numbers hidden', async () => {
    const result = (await act(fatima, 'kijkwijzer.round.result', { roundId })) as { actions: { title: string; url?: string }[] };
    const csvUrl = result.actions.find((action) => action.title === 'Download CSV')!.url!;
    const response = await fetch(`${baseUrl()}${new URL(csvUrl).pathname}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { delimiter: ';' }) as string[][];
    expect(rows).toHaveLength(1 + 9);
    expect(rows[0]!.slice(0, 3)).toEqual(['Nr', 'Stelling', 'Antwoorden']);
    const first = rows[1]!;
    expect(first.slice(2, 6)).toEqual(['3', '2', '0', '1']);
    expect(first[10]).toBe('3'); // werkpunt
    expect(first[12]).toBe('1'); // one note, never its text
    expect(rows[9]!.slice(2, 4)).toEqual(['te weinig antwoorden', '']);
    expect(bytes.toString('utf8')).not.toContain(SANNE_NOTE);
  });

  it('the draft note opens as a Word document with the neutral text for the team meeting', async () => {
    const result = (await act(fatima, 'kijkwijzer.round.result', { roundId })) as { actions: { title: string; url?: string }[] };
    const noteUrl = result.actions.find((action) => action.title === 'Download conceptnotitie')!.url!;
    const response = await fetch(`${baseUrl()}${new URL(noteUrl).pathname}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('kijkwijzer-nulmeting-conceptnotitie.docx');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
    expect(value).toContain('Kijkwijzer SVIB, nulmeting: conceptnotitie voor de teamvergadering');
    expect(value).toContain('1 van de 5 collega’s vulden de kijkwijzer helemaal in (20%).');
    expect(value).toContain('Stellingen met de meeste werkpunten');
    expect(value).toContain('(3 keer werkpunt, 0 keer actiepunt)');
    expect(value).toContain('Dit is de nulmeting');
    expect(value).not.toContain(SANNE_NOTE);
  });

  it('download links are bound to a beheerder: another person’s or a forged link gets 403', async () => {
    const { config } = school.app.composed;
    const subjectId = `${TENANT_ID}|${school.beheerder.schoolId}|${roundId}`;
    const asSanne = signLink(config.linkSigningSecret, { purpose: 'kijkwijzer-csv', subjectId, userId: sanne.aadObjectId, expiresAt: new Date(clock.getTime() + 60_000) });
    const refused = await fetch(`${baseUrl()}/kijkwijzer/csv/${asSanne}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('Deze link is verlopen of niet voor jou bedoeld.');
    const notePurpose = signLink(config.linkSigningSecret, { purpose: 'kijkwijzer-notitie', subjectId, userId: fatima.aadObjectId, expiresAt: new Date(clock.getTime() + 60_000) });
    expect((await fetch(`${baseUrl()}/kijkwijzer/csv/${notePurpose}`)).status).toBe(403);
    expect((await fetch(`${baseUrl()}/kijkwijzer/csv/nonsense`)).status).toBe(403);
  });

  it('offers raw counts of the latest closed round through the KijkwijzerFigures port', async () => {
    const comparison = await school.app.composed.kijkwijzer.latestClosedComparison(TENANT_ID, school.beheerder.schoolId);
    expect(comparison?.current).toMatchObject({ roundId, sequence: 1, invited: 5, completed: 1 });
    expect(comparison?.current.statements).toHaveLength(9);
    expect(comparison?.current.statements[8]!.counts).toEqual({ plus: 0, partly: 1, minus: 0 });
    expect(comparison?.nulmeting).toBeUndefined();
    expect(JSON.stringify(comparison)).not.toContain(SANNE_NOTE);
    expect(await school.app.composed.kijkwijzer.latestClosedComparison(TENANT_ID, 'another-school')).toBeUndefined();
  });

  it('the next round (meting 2) is compared with the nulmeting by statement identity', async () => {
    await post(baseUrl(), botAdded({ serviceUrl: school.serviceUrl, from: lotte }));
    await act(fatima, 'kijkwijzer.statement.reword', { statementId: 'k1', text_k1: 'We hebben bewust een SVIB’er.' });
    const ids = [fatima, marieke, sanne].map((person) => person.aadObjectId).join(',');
    const started = await act(fatima, 'kijkwijzer.round.start', { closesOn: '2026-12-18', participants: ids });
    expect(text(started)).toContain('De meting 2 is gestart: 3 van 3');
    const meting2 = 'meting-2';
    for (const person of [fatima, marieke, sanne]) {
      const page = await act(person, 'kijkwijzer.open', { roundId: meting2, page: 0 });
      await act(person, 'kijkwijzer.save', { roundId: meting2, page: 0, ...pageAnswers(statementIdsOn(page), 'plus') });
    }
    clock = new Date('2026-12-18T23:30:00Z');
    expect(await closeKijkwijzerRounds(school.app.composed.kijkwijzerJobOptions, clock)).toBe(1);
    const comparison = await school.app.composed.kijkwijzer.latestClosedComparison(TENANT_ID, school.beheerder.schoolId);
    expect(comparison?.current.sequence).toBe(2);
    expect(comparison?.nulmeting?.roundId).toBe(roundId);
    const result = await act(fatima, 'kijkwijzer.round.result', { roundId: meting2 });
    expect(text(result)).toContain('We hebben bewust een SVIB’er.');
    expect(text(result)).toContain('sinds nulmeting: +33 procentpunt +');
  });
});

function statementTexts(card: unknown): string[] {
  return [...JSON.stringify(card).matchAll(/"id":"text_k\d+","label":"Stelling \d+","value":"((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
}
