import type { Logger } from '../logging/logger';
import type { Texts } from '../texts';
import type { InstallationRepository } from '../storage/installations/InstallationRepository';
import type { SchoolDirectory } from '../features/schools/SchoolDirectory';
import type { TrajectoryService } from '../features/trajectories/TrajectoryService';
import type { SchedulingService } from '../features/scheduling/SchedulingService';
import type { ProactiveNotifier } from './ProactiveNotifier';

/** What the Teams handlers need from the rest of the app; composed in one place. */
export interface BotDependencies {
  installations: InstallationRepository;
  directory: SchoolDirectory;
  trajectories: TrajectoryService;
  scheduling: SchedulingService;
  notifier: ProactiveNotifier;
  texts: Texts;
  logger: Logger;
  now: () => Date;
}
