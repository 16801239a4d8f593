import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { PURPOSES, registerRecordingsApi } from '../../../src/http/recordingsApi';
import { signLink } from '../../../src/features/links/signedLinks';
import type { RecordingService } from '../../../src/features/recordings/RecordingService';

const secret = 'api-error-test-secret-that-is-long-enough-01';
const failed = 'Er ging iets mis. Probeer het over een paar minuten opnieuw.';

/** A storage failure deep in a recording call: the browser gets a Dutch sentence, never the error. */
describe('the recordings API on an unexpected failure', () => {
  let server: restify.Server;
  let baseUrl: string;
  const logged: object[] = [];
  const broken = async () => {
    throw new Error('Stream drains before getting enough data; https://acct.blob.core.windows.net/x?sig=SECRET bram@school.example');
  };
  const recordings = { register: broken, watch: broken, markFragment: broken, startUpload: broken } as unknown as RecordingService;

  beforeAll(async () => {
    server = restify.createServer({ name: 'recordings-api-error-test' });
    server.use(restify.plugins.bodyParser());
    registerRecordingsApi(server, {
      secret,
      now: () => new Date(),
      recordings,
      subjectFor: async (tenantId, schoolId, userId) => ({ tenantId, schoolId, userId, roles: ['leerkracht'] }),
      useOnce: async () => true,
      logger: { error: (obj) => void logged.push(obj) },
      texts: { refused: 'nee', failed, expired: 'verlopen', uploaded: 'ok', fragmentsOnly: '', signInFailed: '', signInUnavailable: '', problems: {}, aspects: [], title: (cycle) => cycle },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const token = (purpose: string, subjectId: string) => signLink(secret, { purpose, subjectId, userId: 'u', expiresAt: new Date(Date.now() + 60_000) });

  it.each([
    ['/api/recordings/register', { registerToken: token(PURPOSES.register, 't|s|traject|1|staging/t/s/traject/blob') }],
    ['/api/recordings/view', { t: token(PURPOSES.watch, 't|s|recording|nonce') }],
    ['/api/recordings/upload-session', { t: token(PURPOSES.upload, 't|s|traject|1') }],
    ['/api/recordings/fragments', { sessionToken: token(PURPOSES.session, 't|s|recording'), startSecond: 1, endSecond: 2 }],
  ])('answers %s with a generic 500 and logs only the kind of error', async (path, body) => {
    logged.length = 0;
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();

    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ message: failed });
    for (const leak of ['Stream', 'sig=', 'bram@']) {
      expect(text).not.toContain(leak);
      expect(JSON.stringify(logged)).not.toContain(leak);
    }
    expect(logged).toEqual([{ route: path, error: 'Error', status: undefined }]);
  });
});
