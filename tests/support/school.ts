import type { Actor } from '../../src/features/schools/SchoolDirectory';
import { RecordingConnector } from './recordingConnector';
import { seedSchool } from './requestFlow';
import { fatima, type Person } from './teamsActivities';
import { startTestApp, type TestApp } from './testApp';
import type { LoadOptions } from '../../src/config/config';
import type { ComposeOverrides } from '../../src/composition/composeApp';

export interface School {
  connector: RecordingConnector;
  serviceUrl: string;
  app: TestApp;
  /** Fatima, beheerder from configuration, who handed out the roles. */
  beheerder: Actor;
}

/**
 * The common set-up of a flow test: a recording Teams service, the composed app on real storage,
 * and a school whose people installed the bot (SVIB'ers given their role). Cleared before each test.
 */
export function useSchool(
  people: { svibbers: Person[]; others: Person[] },
  options: { env?: Record<string, string>; now?: () => Date; loadOptions?: LoadOptions; overrides?: Omit<ComposeOverrides, 'logger' | 'now'> } = {},
): School {
  const school = { connector: new RecordingConnector() } as School;
  beforeAll(async () => {
    school.serviceUrl = await school.connector.start();
    school.app = await startTestApp({ INITIAL_BEHEERDERS: fatima.aadObjectId, ...options.env }, options.now, options.loadOptions, options.overrides);
    school.beheerder = await seedSchool(school.app, school.serviceUrl, { beheerder: fatima, ...people });
  }, 60_000);
  afterAll(async () => {
    await school.app?.close();
    await school.connector.stop();
  });
  beforeEach(() => school.connector.clear());
  return school;
}
