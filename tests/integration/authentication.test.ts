import { RecordingConnector } from '../support/recordingConnector';
import { message, post } from '../support/teamsActivities';
import { startTestApp, type TestApp } from '../support/testApp';

describe('inbound authentication', () => {
  const connector = new RecordingConnector();
  let serviceUrl: string;
  beforeAll(async () => {
    serviceUrl = await connector.start();
  });
  afterAll(() => connector.stop());

  describe('with bot credentials configured', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'not-a-real-secret', LINK_SIGNING_SECRET: 'a-test-secret-that-is-long-enough-1234' });
    });
    afterAll(() => app.close());

    it('refuses a call without a token with 401 and does not act on it', async () => {
      const answer = await post(app.baseUrl, message({ serviceUrl }, 'hulp'));
      expect(answer.status).toBe(401);
      expect(connector.sent).toHaveLength(0);
    });

    it('refuses a call with a forged token with 401', async () => {
      const forged = `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"aud":"x"}').toString('base64url')}.`;
      const answer = await post(app.baseUrl, message({ serviceUrl }, 'hulp'), { authorization: forged });
      expect(answer.status).toBe(401);
      expect(connector.sent).toHaveLength(0);
    });

    it('says in its startup log that authentication is enforced', () => {
      expect(app.logs.lines.find((line) => line.authentication)).toMatchObject({ authentication: 'authenticated' });
    });
  });

  describe('in local mode', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app.close());

    it('accepts anonymous calls, as the Agents Playground makes them', async () => {
      const answer = await post(app.baseUrl, message({ serviceUrl }, 'hulp'));
      expect(answer.status).toBe(200);
    });

    it('says so in its startup log', () => {
      const line = app.logs.lines.find((entry) => entry.authentication);
      expect(line).toMatchObject({ authentication: 'local' });
      expect(String(line?.msg)).toContain('LOCAL MODE');
    });
  });
});
