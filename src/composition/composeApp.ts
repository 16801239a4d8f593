import type { Server } from 'restify';
import type { Config } from '../config/config';
import { createLogger, type Logger } from '../logging/logger';
import { fillIn, textsFor } from '../texts';
import { createStorageClients, ensureStorage, type StorageClients } from '../storage/storageClients';
import { checkDeliveryQueue, checkStorageHealth } from '../storage/storageHealth';
import { InstallationRepository } from '../storage/installations/InstallationRepository';
import { ProcessedActivityRepository } from '../storage/activities/ProcessedActivityRepository';
import { createTeamsAdapter } from '../teams/createTeamsAdapter';
import { BlobTurnStateStorage } from '../teams/BlobTurnStateStorage';
import { createBotApplication } from '../teams/createBotApplication';
import { createMessagesEndpoint } from '../teams/messagesEndpoint';
import { isLoopbackUrl } from '../teams/inboundActivity';
import { createHttpServer } from '../http/createHttpServer';
import { SchoolRepository } from '../storage/schools/SchoolRepository';
import { SchoolMemberRepository } from '../storage/schools/SchoolMemberRepository';
import { PersonRepository } from '../storage/people/PersonRepository';
import { TrajectoryRepository } from '../storage/trajectories/TrajectoryRepository';
import { SentCardRepository } from '../storage/sentCards/SentCardRepository';
import { SchoolDirectory } from '../features/schools/SchoolDirectory';
import { TrajectoryService } from '../features/trajectories/TrajectoryService';
import { PersonalChatOpener } from '../teams/PersonalChatOpener';
import { QueuedNotifier } from '../features/notifications/QueuedNotifier';
import type { Notifier } from '../features/notifications/Notifier';
import { Deliveries } from '../features/notifications/Deliveries';
import { createAfterSent, createTargetResolver } from '../features/notifications/deliveryTargets';
import { createUndeliverableHandler } from '../features/notifications/undeliverable';
import { DeliveryOutbox } from '../storage/deliveries/DeliveryOutbox';
import { isEventWritten } from '../domain/deliveries/heldDeliveries';
import { DeliveryLedger } from '../storage/deliveries/DeliveryLedger';
import { DeliveryLimitRows } from '../storage/deliveries/DeliveryLimitRows';
import { DelayedDeliveries } from '../storage/deliveries/DelayedDeliveries';
import { DeliveryQueue } from '../storage/deliveries/DeliveryQueue';
import { DEFAULT_DELIVERY_SETTINGS, DeliverySender, type DeliverySettings } from '../jobs/deliverySender';
import { BotConnectorTransport } from '../teams/BotConnectorTransport';
import { createCardMemory } from '../teams/rememberCard';
import { scheduleJobs, type ScheduledJobs } from '../jobs/scheduleJobs';
import { AppointmentRepository } from '../storage/appointments/AppointmentRepository';
import { JobLease } from '../storage/leases/JobLease';
import { SchedulingService } from '../features/scheduling/SchedulingService';
import { CalendarLinks } from '../features/calendar/CalendarLinks';
import { registerCalendarRoute } from '../http/calendarRoute';
import type { AppointmentJobOptions } from '../jobs/appointmentJobs';
import { warnBeforeDeletion, type RetentionWarningOptions } from '../jobs/retentionWarningJob';
import { cleanUpTables, usedLinkForgetAfter, type TableCleanupOptions } from '../jobs/tableCleanupJob';
import { sweepAbandonedUploads, type UploadSweepOptions } from '../jobs/uploadSweepJob';
import { closeInactiveTrajectories, type InactivityJobOptions } from '../jobs/inactivityJob';
import { AuditLog } from '../storage/audit/AuditLog';
import { RecordingBlobs } from '../storage/recordings/RecordingBlobs';
import { RecordingRepository } from '../storage/recordings/RecordingRepository';
import { RecordingService } from '../features/recordings/RecordingService';
import { ClipCutter } from '../features/recordings/ClipCutter';
import { createGrantNotices } from '../teams/grantNotices';
import { createSchedulingNotices } from '../teams/schedulingNotices';
import { createTrajectoryNotices } from '../teams/trajectoryNotices';
import { createRecordingNotices } from '../features/recordings/recordingNotices';
import { createRecordingContext } from '../features/recordings/recordingContext';
import { ClipJob } from '../jobs/clipJob';
import { createFfmpegClipper } from '../media/ffmpegClipper';
import { ClipRepository } from '../storage/recordings/ClipRepository';
import { recordingAspects } from '../cards/recordingCards';
import { recordingPageLink, registerRecordingsApi, UPLOAD_PAGE_LINK_MINUTES } from '../http/recordingsApi';
import { registerPageRoutes } from '../http/pagesRoute';
import { createSsoVerifier } from '../http/ssoToken';
import { registerUploadResumeApi } from '../http/uploadResumeApi';
import { UsedLinkRepository } from '../storage/links/UsedLinkRepository';
import type { RequestReminderJobOptions } from '../jobs/requestReminderJob';
import { KijkwijzerListRepository } from '../storage/kijkwijzer/KijkwijzerListRepository';
import { KijkwijzerRoundRepository } from '../storage/kijkwijzer/KijkwijzerRoundRepository';
import { KijkwijzerAnswerRepository } from '../storage/kijkwijzer/KijkwijzerAnswerRepository';
import { KijkwijzerService } from '../features/kijkwijzer/KijkwijzerService';
import { KijkwijzerDownloads } from '../features/kijkwijzer/KijkwijzerDownloads';
import { createKijkwijzerMessages } from '../teams/kijkwijzerMessages';
import { registerKijkwijzerRoute } from '../http/kijkwijzerRoute';
import type { KijkwijzerJobOptions } from '../jobs/kijkwijzerJobs';
import { ObservationRepository } from '../storage/kijkwijzer/ObservationRepository';
import { ObservationService } from '../features/kijkwijzer/ObservationService';
import type { KijkwijzerFigures } from '../domain/kijkwijzer/roundFigures';
import { SummarySettingsRepository } from '../storage/directieSummary/SummarySettingsRepository';
import { SummaryLedger } from '../storage/directieSummary/SummaryLedger';
import { DirectieSummaryService } from '../features/directieSummary/DirectieSummaryService';
import { onRoundClosed, postDueSummaries, type DirectieSummaryJobOptions, type PostResult } from '../jobs/directieSummaryJob';
import { signLink } from '../features/links/signedLinks';
import { registerSummaryCsvRoute, SUMMARY_CSV_PURPOSE } from '../http/summaryCsvRoute';
import { summaryCsv } from '../cards/summaryCards';
import { hasRole } from '../domain/schools/roles';


export interface ComposeOverrides {
  logger?: Logger;
  now?: () => Date;
  /** Limits, retries and hold times of the delivery sender (tests scale the limits down). */
  deliverySettings?: Partial<DeliverySettings>;
  /** Where kijkwijzer figures come from; tests supply round comparisons through this port. */
  kijkwijzer?: KijkwijzerFigures;
}

/** The delivery queue as the composed app runs it. */
export interface ComposedDeliveries {
  /** The one way out: enqueue a delivery to any stored conversation (see README, "Deliveries"). */
  outgoing: Deliveries;
  /** Deliveries written down and not yet on the queue (held ones wait for their change). */
  outbox: DeliveryOutbox;
  queue: DeliveryQueue;
  /** The sender of this process; started by `listen()` unless DELIVERY_SENDER=off. */
  sender: DeliverySender;
  /** Another sender on the same queue, as a second instance would run it (not started). */
  newSender(settings?: Partial<DeliverySettings>): DeliverySender;
  /** Starts this process's sender (what `npm run sender` runs). */
  startSender(): void;
  /** Queues what a crash left in the outbox. */
  sweep(olderThanMs?: number, dropHeldAfterMs?: number): Promise<number>;
  /**
   * Resolves when every delivery queued so far has left the queue (sent, dropped or poisoned):
   * tests call it before they look at what people received.
   */
  idle(timeoutMs?: number): Promise<void>;
}

export interface ComposedApp {
  config: Config;
  logger: Logger;
  storage: StorageClients;
  repositories: {
    installations: InstallationRepository;
    processedActivities: ProcessedActivityRepository;
    trajectories: TrajectoryRepository;
    members: SchoolMemberRepository;
    people: PersonRepository;
    appointments: AppointmentRepository;
    recordings: RecordingRepository;
  };
  directory: SchoolDirectory;
  /** What features message people through (queued deliveries). */
  notifier: Notifier;
  trajectoryService: TrajectoryService;
  /** What the scheduled jobs run with; tests run a job's round directly with their own clock. */
  jobOptions: RequestReminderJobOptions;
  retentionWarningOptions: RetentionWarningOptions;
  tableCleanupOptions: TableCleanupOptions;
  uploadSweepOptions: UploadSweepOptions;
  inactivityOptions: InactivityJobOptions;
  appointmentJobOptions: AppointmentJobOptions;
  scheduling: SchedulingService;
  calendarLinks: CalendarLinks;
  recordings: RecordingService;
  recordingBlobs: RecordingBlobs;
  deliveries: ComposedDeliveries;
  /** Cuts shared fragments into clips; tests await `idle()` after a kick. */
  clipJob: ClipJob;
  /** The school kijkwijzer; also the `KijkwijzerFigures` port other features read figures through. */
  kijkwijzer: KijkwijzerService;
  kijkwijzerJobOptions: KijkwijzerJobOptions;
  observations: ObservationService;
  directieSummary: DirectieSummaryService;
  /** What the directie-summary job runs with; tests run its round directly with their own clock. */
  directieSummaryJobOptions: DirectieSummaryJobOptions;
  /** For the kijkwijzer feature: call after a round of this school closed. */
  onRoundClosed(tenantId: string, schoolId: string): Promise<PostResult | undefined>;
  server: Server;
  /**
   * Listens on the configured port (0 picks a free one), logs whether inbound calls are
   * authenticated, and resolves with the port taken.
   */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** The one place that wires svib-bot together; tests compose it with their own settings. */
export async function composeApp(config: Config, overrides: ComposeOverrides = {}): Promise<ComposedApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const now = overrides.now ?? (() => new Date());
  const texts = textsFor('nl');

  const storage = createStorageClients(config.storage, config.storageNamePrefix);
  await ensureStorage(storage);
  const installations = new InstallationRepository(storage.table(storage.names.installationsTable));
  const processedActivities = new ProcessedActivityRepository(storage.table(storage.names.processedActivitiesTable));

  const trajectories = new TrajectoryRepository(storage.table(storage.names.trajectoriesTable));
  const members = new SchoolMemberRepository(storage.table(storage.names.schoolMembersTable));
  const people = new PersonRepository(storage.table(storage.names.peopleTable));
  const directory = new SchoolDirectory({
    schools: new SchoolRepository(storage.table(storage.names.schoolsTable)),
    members,
    people,
    initialBeheerders: config.initialBeheerders,
    defaultSchoolName: config.defaultSchoolName,
    recordingDefaults: { maxBytes: config.recordingMaxBytes, retentionDays: config.recordingRetentionDays },
    now,
  });

  const adapter = createTeamsAdapter(config.botAuth);
  const botAppId = config.botAuth.mode === 'authenticated' ? config.botAuth.appId : '';
  const sentCards = new SentCardRepository(storage.table(storage.names.sentCardsTable));
  // Local mode talks to the loopback only, also through references stored before that rule existed.
  const serviceUrlAllowed = config.botAuth.mode === 'local' ? isLoopbackUrl : undefined;
  const chatOpener = new PersonalChatOpener(adapter, botAppId, installations, logger, now, serviceUrlAllowed);
  const delayedDeliveries = new DelayedDeliveries(storage.table(storage.names.deliveryDelaysTable));
  const deliveryQueue = new DeliveryQueue(
    storage.queue(storage.names.deliveryQueue),
    storage.queue(storage.names.deliveryPoisonQueue),
    storage.container(storage.names.deliveryPayloadsContainer),
    delayedDeliveries,
  );
  const outbox = new DeliveryOutbox(storage.table(storage.names.deliveryOutboxTable));
  const ledger = new DeliveryLedger(storage.table(storage.names.deliveryLedgerTable));
  // Every sender of every process shares these rows, so Teams' limits hold for all of them together.
  const limitRows = new DeliveryLimitRows(storage.table(storage.names.deliveryLimitsTable));
  // Wakes this process's sender when a turn queued something; defined below, called only later.
  const outgoing = new Deliveries({
    outbox,
    queue: deliveryQueue,
    logger,
    now,
    queued: () => sender.kick(),
    isWritten: async (check) => {
      switch (check.kind) {
        case 'trajectoryEvent':
          return isEventWritten(check, (await trajectories.get(check.tenantId, check.schoolId, check.trajectoryId))?.trajectory);
        case 'trajectoryMark':
          return (await trajectories.markOf(check.tenantId, check.schoolId, check.trajectoryId, check.mark))?.toISOString() === check.at;
        case 'appointmentChange':
          return appointments.hasChange(check.tenantId, check.schoolId, check.appointmentId, check.changeId);
        case 'roundMark': {
          const round = (await kijkwijzerRounds.get(check.tenantId, check.schoolId, check.roundId))?.round;
          return round?.[check.mark] !== undefined && new Date(round[check.mark]!).toISOString() === check.at;
        }
        case 'onceClaim':
          return (await usedLinks.usedAt(check.key))?.toISOString() === check.at;
        case 'grant': {
          const grant = await recordingRepository.getGrant(check.tenantId, check.schoolId, check.grantId);
          if (!grant) return false;
          return check.withdrawnAt === undefined || (grant.withdrawnAt !== undefined && new Date(grant.withdrawnAt).toISOString() === check.withdrawnAt);
        }
        case 'recordingAdded':
          return (await recordingRepository.get(check.tenantId, check.schoolId, check.recordingId)) !== undefined;
      }
    },
  });
  const notifier = new QueuedNotifier(outgoing, installations, sentCards, (tenantId, userId) => chatOpener.open(tenantId, userId), serviceUrlAllowed);
  const deliverySettings: DeliverySettings = { ...DEFAULT_DELIVERY_SETTINGS, ...overrides.deliverySettings };
  const transport = new BotConnectorTransport(adapter, botAppId);
  const forbidden = createUndeliverableHandler({
    installations,
    deliveries: outgoing,
    beheerdersFor: async (tenantId, userId) => {
      const schoolId = userId ? await directory.schoolIdOf(tenantId, userId) : undefined;
      if (!schoolId) return [];
      return (await directory.holdersOf(tenantId, schoolId, 'beheerder')).map((member) => ({ tenantId, userId: member.userId }));
    },
    nameOf: async (tenantId, userId) => (await people.get(tenantId, userId))?.name,
    texts,
    now,
  });
  const newSender = (settings: Partial<DeliverySettings> = {}) =>
    new DeliverySender({
      queue: deliveryQueue,
      ledger,
      transport,
      resolve: createTargetResolver(installations, sentCards, serviceUrlAllowed),
      afterSent: createAfterSent(sentCards),
      forbidden,
      settings: { ...deliverySettings, ...settings },
      limitRows,
      logger,
    });
  const sender = newSender();
  const trajectoryService = new TrajectoryService({ trajectories, directory, notices: createTrajectoryNotices({ notifier, texts }), changes: outgoing, now });
  const appointments = new AppointmentRepository(storage.table(storage.names.appointmentsTable));
  const recordingBlobs = new RecordingBlobs(storage.blobService, storage.container(storage.names.recordingsContainer), config.botAuth.mode === 'authenticated');
  const recordingRepository = new RecordingRepository(
    storage.table(storage.names.recordingsTable),
    storage.table(storage.names.fragmentsTable),
    storage.table(storage.names.grantsTable),
  );
  const clips = new ClipRepository(storage.table(storage.names.clipsTable));
  const audit = new AuditLog(storage.table(storage.names.auditTable));
  const recordings = new RecordingService({
    recordings: recordingRepository,
    clips,
    blobs: recordingBlobs,
    trajectories,
    audit,
    now,
    settingsFor: (tenantId, schoolId) => directory.recordingSettingsOf(tenantId, schoolId),
    rolesOf: async (tenantId, schoolId, userId) => (await directory.subjectFor(tenantId, schoolId, userId)).roles,
    claimOnce: (key, at) => usedLinks.useOnce(key, at),
    changes: outgoing,
  });
  const calendarLinks = new CalendarLinks({
    secret: config.linkSigningSecret,
    baseUrl: config.publicBaseUrl,
    appointments,
    texts,
    now,
  });
  const calendarUrlFor = calendarLinks.urlFor.bind(calendarLinks);
  const scheduling = new SchedulingService({
    appointments,
    trajectories: trajectoryService,
    trajectoryStore: trajectories,
    notices: createSchedulingNotices({ notifier, texts, calendarUrlFor }),
    changes: outgoing,
    texts,
    now,
    schoolHours: config.schoolHours,
    calendarUrlFor,
  });
  const recordingLinks = {
    upload: (actor: { tenantId: string; schoolId: string; userId: string }, trajectoryId: string, cycle: number) =>
      recordingPageLink(config.linkSigningSecret, config.publicBaseUrl, 'upload', {
        subjectId: `${actor.tenantId}|${actor.schoolId}|${trajectoryId}|${cycle}`,
        userId: actor.userId,
        // Only to open the page and start an upload: the upload itself gets its own link then.
        expiresAt: new Date(now().getTime() + UPLOAD_PAGE_LINK_MINUTES * 60_000),
      }),
    watch: (actor: { tenantId: string; schoolId: string; userId: string }, recording: { id: string }) =>
      recordingPageLink(config.linkSigningSecret, config.publicBaseUrl, 'watch', {
        subjectId: `${actor.tenantId}|${actor.schoolId}|${recording.id}`,
        userId: actor.userId,
        expiresAt: new Date(now().getTime() + 60 * 60_000),
      }),
  };
  const usedLinks = new UsedLinkRepository(storage.table(storage.names.usedLinksTable));
  const lease = new JobLease(storage.container(storage.names.jobLeasesContainer));
  const grantNotices = createGrantNotices({
    notifier,
    trajectories,
    texts,
    watchLink: (grant, recording) => recordingLinks.watch({ tenantId: grant.tenantId, schoolId: grant.schoolId, userId: grant.granteeId }, recording),
    dialogs: config.sso !== undefined,
  });
  const recordingNotices = createRecordingNotices({ notifier, trajectories, texts });
  const clipper = createFfmpegClipper({ ffmpegPath: config.ffmpegPath });
  const clipJob = new ClipJob(
    new ClipCutter({
      clips,
      recordings: recordingRepository,
      blobs: recordingBlobs,
      clipper,
      audit,
      logger,
      now,
      claimOnce: (key, at) => usedLinks.useOnce(key, at),
      announce: grantNotices,
      changes: outgoing,
    }),
    lease,
    logger,
  );
  const kijkwijzerRounds = new KijkwijzerRoundRepository(storage.table(storage.names.kijkwijzerRoundsTable));
  // The service tells the commissie with download links, and the links read the service: wired late.
  const kijkwijzerDownloads = new KijkwijzerDownloads({
    secret: config.linkSigningSecret,
    baseUrl: config.publicBaseUrl,
    result: (actor, roundId) => kijkwijzer.result(actor, roundId),
    rolesOf: async (tenantId, schoolId, userId) => (await directory.subjectFor(tenantId, schoolId, userId)).roles,
    texts,
    now,
  });
  const kijkwijzer: KijkwijzerService = new KijkwijzerService({
    lists: new KijkwijzerListRepository(storage.table(storage.names.kijkwijzerListsTable)),
    rounds: kijkwijzerRounds,
    answers: new KijkwijzerAnswerRepository(storage.table(storage.names.kijkwijzerAnswersTable)),
    defaultStatements: texts.kijkwijzer.defaultStatements,
    messages: createKijkwijzerMessages({
      notifier,
      downloads: kijkwijzerDownloads,
      texts,
    }),
    changes: outgoing,
    beheerdersOf: async (tenantId, schoolId) => (await directory.holdersOf(tenantId, schoolId, 'beheerder')).map((member) => member.userId),
    now,
  });
  const kijkwijzerJobOptions: KijkwijzerJobOptions = { service: kijkwijzer, reminderSchoolDays: config.kijkwijzerReminderSchoolDays, logger };
  const observations = new ObservationService({
    observations: new ObservationRepository(storage.table(storage.names.observationsTable)),
    recordings: recordingRepository,
    trajectories,
    now,
  });
  const directieSummary = new DirectieSummaryService({
    settings: new SummarySettingsRepository(storage.table(storage.names.summarySettingsTable)),
    ledger: new SummaryLedger(storage.table(storage.names.summariesSentTable)),
    trajectories,
    appointments,
    audit,
    directory,
    // The school kijkwijzer is the figures port; a round that closes is posted by the summary job's next round.
    kijkwijzer: overrides.kijkwijzer ?? kijkwijzer,
    now,
  });
  const directieSummaryJobOptions: DirectieSummaryJobOptions = {
    service: directieSummary,
    deliveries: outgoing,
    directory,
    texts,
    logger,
    now,
  };
  const summaryCsvLink = (actor: { tenantId: string; schoolId: string; userId: string }, periodKey: string) =>
    `${config.publicBaseUrl}/summary/csv/${signLink(config.linkSigningSecret, {
      purpose: SUMMARY_CSV_PURPOSE,
      subjectId: `${actor.tenantId}|${actor.schoolId}|${periodKey}`,
      userId: actor.userId,
      expiresAt: new Date(now().getTime() + 60 * 60_000),
    })}`;
  const app = createBotApplication(
    {
      adapter,
      turnStateStorage: new BlobTurnStateStorage(storage.container(storage.names.turnStateContainer)),
      botAppId,
    },
    {
      installations,
      directory,
      trajectories: trajectoryService,
      scheduling,
      notifier,
      cardMemory: createCardMemory(sentCards),
      recordings,
      recordingLinks,
      recordingDialogs: config.sso && {
        watchUrl: (recordingId: string) => `${config.publicBaseUrl}/recordings/watch?r=${encodeURIComponent(recordingId)}`,
        uploadUrl: (trajectoryId: string, cycle: number) => `${config.publicBaseUrl}/recordings/upload?trajectory=${encodeURIComponent(trajectoryId)}&cycle=${cycle}`,
      },
      grantNotices,
      recordingNotices,
      kijkwijzer,
      kijkwijzerDownloads,
      observations,
      directieSummary: { service: directieSummary, csvLink: summaryCsvLink },
      clips: { sharingAvailable: () => clipper.available(), kick: (recording) => void clipJob.kick(recording) },
      texts,
      logger,
      now,
    },
  );
  const messages = createMessagesEndpoint({ adapter, app, processedActivities, texts, logger, now, loopbackOnly: config.botAuth.mode === 'local' });
  const server = createHttpServer({
    messages,
    storageHealth: () => checkStorageHealth(storage),
    clipCutting: () => clipper.available(),
    logger,
    errorTexts: { badRequest: texts.errors.badRequest, somethingWentWrong: texts.errors.somethingWentWrong },
    deliveryQueue: () => checkDeliveryQueue(deliveryQueue, now()),
  });
  registerPageRoutes(server, { blobOrigin: recordingBlobs.origin, teamsDialogs: config.sso !== undefined, texts });
  registerRecordingsApi(server, {
    secret: config.linkSigningSecret,
    now,
    recordings,
    subjectFor: (tenantId, schoolId, userId) => directory.subjectFor(tenantId, schoolId, userId),
    useOnce: (nonce, at) => usedLinks.useOnce(nonce, at, usedLinkForgetAfter(at)),
    onRegistered: (recording) => recordingNotices.uploaded(recording),
    describe: createRecordingContext(trajectories, texts),
    sso: config.sso && {
      verify: createSsoVerifier({ ...config.sso, now }),
      schoolOf: (tenantId, userId) => directory.schoolIdOf(tenantId, userId),
    },
    logger,
    texts: {
      refused: texts.recordings.refused,
      failed: texts.recordings.failed,
      expired: texts.recordings.expired,
      uploaded: texts.recordings.uploaded,
      fragmentsOnly: texts.recordings.fragmentsOnly,
      signInFailed: texts.recordings.signInFailed,
      signInUnavailable: texts.recordings.signInUnavailable,
      problems: texts.recordings.problems,
      aspects: recordingAspects(texts),
      title: (cycle) => fillIn(texts.recordings.title, { cycle }),
    },
  });
  registerUploadResumeApi(server, {
    secret: config.linkSigningSecret,
    now,
    blocksOf: (blobName) => recordingBlobs.uncommittedBlocks(blobName),
    refused: texts.recordings.refused,
  });
  registerKijkwijzerRoute(server, {
    secret: config.linkSigningSecret,
    loadForUser: (kind, subjectId, userId) => kijkwijzerDownloads.loadForUser(kind, subjectId, userId),
    now,
    refused: texts.kijkwijzer.linkRefused,
    failed: texts.errors.somethingWentWrong,
    logger,
  });
  registerSummaryCsvRoute(server, {
    secret: config.linkSigningSecret,
    now,
    refused: texts.summary.report.linkRefused,
    failed: texts.errors.somethingWentWrong,
    logger,
    loadForUser: async (subjectId, userId) => {
      const [tenantId, schoolId, periodKey] = subjectId.split('|');
      if (!tenantId || !schoolId || !periodKey) return undefined;
      // The link names a school; the person must still be directie there, now.
      const subject = await directory.subjectFor(tenantId, schoolId, userId);
      if (!hasRole(subject.roles, 'directie')) return undefined;
      const actor = { tenantId, schoolId, userId, name: '', roles: subject.roles };
      const report = await directieSummary.reportFor(actor, periodKey);
      return report.ok ? summaryCsv(report.summary, texts) : undefined;
    },
  });
  registerCalendarRoute(server, {
    secret: config.linkSigningSecret,
    loadForUser: (subjectId, userId) => calendarLinks.loadForUser(subjectId, userId),
    now,
    logger,
  });

  const jobOptions = { trajectories, service: trajectoryService, changes: outgoing, afterSchoolDays: config.requestReminderSchoolDays, logger, now };
  const appointmentJobOptions = { appointments, notifier, changes: outgoing, texts, logger, dayBeforeAt: config.reminderDayBeforeAt };
  const retentionWarningOptions: RetentionWarningOptions = {
    recordings: recordingRepository,
    trajectories,
    notifier,
    changes: outgoing,
    texts,
    retentionDaysOf: async (tenantId, schoolId) => (await directory.recordingSettingsOf(tenantId, schoolId)).retentionDays,
    warnDaysBefore: 3,
    claimOnce: (key, at) => usedLinks.useOnce(key, at),
  };
  const tableCleanupOptions: TableCleanupOptions = { processedActivities, usedLinks, sentCards, deliveryLedger: ledger, delayedDeliveries };
  const uploadSweepOptions: UploadSweepOptions = {
    blobs: recordingBlobs,
    recordings: recordingRepository,
    clips,
    maxBytesOf: async (tenantId, schoolId) => (await directory.recordingSettingsOf(tenantId, schoolId)).maxBytes,
  };
  const inactivityOptions: InactivityJobOptions = { trajectories, notifier, changes: outgoing, texts, rule: config.trajectoryInactivity };
  let jobs: ScheduledJobs | undefined;
  let senderStarted = false;
  const startSender = () => {
    senderStarted = true;
    sender.start();
  };
  const deliveries: ComposedDeliveries = {
    outgoing,
    outbox,
    queue: deliveryQueue,
    sender,
    newSender,
    startSender,
    sweep: (olderThanMs, dropHeldAfterMs) => outgoing.sweep(olderThanMs, dropHeldAfterMs),
    idle: async (timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await outgoing.settled();
        await sender.idle();
        const [waiting, figures] = await Promise.all([outbox.count(), deliveryQueue.figures(now())]);
        if (waiting === 0 && figures.depth === 0 && !sender.busy()) return;
        if (Date.now() > deadline) throw new Error(`deliveries not idle: ${waiting} in the outbox, ${figures.depth} on the queue`);
        // Waiting on a queue in another service: look again shortly.
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };

  return {
    config,
    jobOptions,
    retentionWarningOptions,
    tableCleanupOptions,
    appointmentJobOptions,
    uploadSweepOptions,
    inactivityOptions,
    scheduling,
    calendarLinks,
    recordings,
    recordingBlobs,
    clipJob,
    kijkwijzer,
    kijkwijzerJobOptions,
    observations,
    deliveries,
    directieSummary,
    directieSummaryJobOptions,
    onRoundClosed: (tenantId, schoolId) => onRoundClosed(directieSummaryJobOptions, tenantId, schoolId),
    logger,
    storage,
    repositories: { installations, processedActivities, trajectories, members, people, appointments, recordings: recordingRepository },
    directory,
    notifier,
    trajectoryService,
    server,
    listen: () =>
      new Promise((resolve) => {
        jobs = scheduleJobs({
          requests: jobOptions,
          appointments: appointmentJobOptions,
          kijkwijzer: kijkwijzerJobOptions,
          deleteExpiredRecordings: (at) => recordings.deleteExpired(at),
          warnBeforeDeletion: (at) => warnBeforeDeletion(retentionWarningOptions, at),
          sweepUploads: (at) => sweepAbandonedUploads(uploadSweepOptions, at),
          closeInactiveTrajectories: (at) => closeInactiveTrajectories(inactivityOptions, at),
          cutClips: () => clipJob.kick(),
          cleanUpTables: (at) => cleanUpTables(tableCleanupOptions, at),
          sweepDeliveries: () => outgoing.sweep(),
          postDirectieSummaries: () => postDueSummaries(directieSummaryJobOptions),
          lease,
          logger,
          now,
        });
        if (config.deliverySender === 'in-process') startSender();
        void clipper.available().then((available) => {
          if (!available) logger.warn({ ffmpegPath: config.ffmpegPath }, 'ffmpeg not found: teachers can share whole recordings only, not chosen fragments');
        });
        const onListening = () => {
          const port = server.address().port;
          logger.info(
            { port, authentication: config.botAuth.mode, storage: config.storage.kind },
            config.botAuth.mode === 'local'
              ? 'svib-bot listening in LOCAL MODE on 127.0.0.1 only: inbound calls are not authenticated and replies go to the loopback only'
              : 'svib-bot listening; Bot Framework authentication enforced',
          );
          resolve(port);
        };
        // Local mode answers this machine only: nobody on the network can post unauthenticated activities.
        if (config.listenHost) server.listen(config.port, config.listenHost, onListening);
        else server.listen(config.port, onListening);
      }),
    close: async () => {
      jobs?.stop();
      // A round cutting a clip finishes first, so its temporary file and lease are cleaned up.
      await clipJob.idle();
      // Messages in hand are finished; the rest stay on the queue for the next process.
      if (senderStarted) await sender.stop();
      await outgoing.settled();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
