import type { Logger } from '../logging/logger';
import type { Texts } from '../texts';
import type { InstallationRepository } from '../storage/installations/InstallationRepository';
import type { SchoolDirectory } from '../features/schools/SchoolDirectory';
import type { TrajectoryService } from '../features/trajectories/TrajectoryService';
import type { SchedulingService } from '../features/scheduling/SchedulingService';
import type { Notifier } from '../features/notifications/Notifier';
import type { CardMemory } from './rememberCard';
import type { RecordingService } from '../features/recordings/RecordingService';
import type { Actor } from '../features/schools/SchoolDirectory';
import type { Recording } from '../domain/recordings/recording';
import type { GrantNotices } from '../features/recordings/grantNotices';
import type { RecordingNotices } from '../features/recordings/recordingNotices';
import type { KijkwijzerService } from '../features/kijkwijzer/KijkwijzerService';
import type { KijkwijzerDownloads } from '../features/kijkwijzer/KijkwijzerDownloads';
import type { ObservationService } from '../features/kijkwijzer/ObservationService';
import type { DirectieSummaryService } from '../features/directieSummary/DirectieSummaryService';

/** What the Teams handlers need from the rest of the app; composed in one place. */
export interface BotDependencies {
  installations: InstallationRepository;
  directory: SchoolDirectory;
  trajectories: TrajectoryService;
  scheduling: SchedulingService;
  /** Messages people (queued deliveries); `reaches` says whether someone has (or can get) a personal chat. */
  notifier: Notifier & { reaches(tenantId: string, userId: string): Promise<boolean> };
  /** Remembers cards people act on, so later deliveries update them in place. */
  cardMemory: CardMemory;
  recordings: RecordingService;
  /** Signed, short-lived links to the upload and player pages, bound to the actor. */
  recordingLinks: { upload(actor: Actor, trajectoryId: string, cycle: number): string; watch(actor: Actor, recording: Pick<Recording, 'id'>): string };
  /**
   * With Teams SSO configured: the recording pages open as Teams dialogs at these addresses
   * (no token in them; the page signs in with Teams). Absent: signed links, as in the Playground.
   */
  recordingDialogs?: { watchUrl(recordingId: string): string; uploadUrl(trajectoryId: string, cycle: number): string };
  /** Tells a colleague they can watch (or the teacher that clips failed). */
  grantNotices: GrantNotices;
  /** Tells the parties of a trajectory about its recordings. */
  recordingNotices: RecordingNotices;
  /** Fragment clips: whether they can be cut here, and a nudge to cut the waiting ones now. */
  clips: { sharingAvailable(): Promise<boolean>; kick(recording: { tenantId: string; schoolId: string; recordingId: string }): void };
  kijkwijzer: KijkwijzerService;
  /** Signed, person-bound download links of a closed round (CSV, draft note). */
  kijkwijzerDownloads: KijkwijzerDownloads;
  /** The observation kijkwijzer per recording. */
  observations: ObservationService;
  /** The directie summary: channel and schedule, on demand, and the CSV link of the full report. */
  directieSummary: { service: DirectieSummaryService; csvLink(actor: Actor, periodKey: string): string };
  texts: Texts;
  logger: Logger;
  now: () => Date;
}
