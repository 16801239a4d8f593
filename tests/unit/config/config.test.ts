import { ConfigError, loadConfig } from '../../../src/config/config';

const connection = { AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
/** Local mode, as npm start asks for it. */
const storage = { ...connection, LOCAL_MODE: 'true' };
/** A bot with Bot Framework credentials, as in Azure. */
const authenticated = { ...connection, BOT_ID: 'app-id', BOT_PASSWORD: 'secret', LINK_SIGNING_SECRET: 'x'.repeat(32) };

function problemOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs in local mode with defaults when only storage is given', () => {
    expect(loadConfig(storage)).toEqual({
      publicBaseUrl: 'http://localhost:3978',
      linkSigningSecret: expect.any(String),
      schoolHours: { start: '08:00', end: '17:00' },
      reminderDayBeforeAt: '16:00',
      recordingMaxBytes: 4 * 1024 ** 3,
      recordingRetentionDays: 30,
      trajectoryInactivity: { inactiveDays: 365, graceDays: 14 },
      ffmpegPath: expect.stringMatching(/node_modules\/@ffmpeg-installer\/linux-x64\/ffmpeg$/),
      sso: undefined,
      deliverySender: 'in-process',
      port: 3978,
      listenHost: '127.0.0.1',
      logLevel: 'info',
      storage: { kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' },
      storageNamePrefix: 'svib',
      botAuth: { mode: 'local' },
      initialBeheerders: [],
      defaultSchoolName: 'Onze school',
      requestReminderSchoolDays: 2,
      kijkwijzerReminderSchoolDays: 2,
    });
  });

  it('lets a process leave sending to `npm run sender`, and names a wrong value', () => {
    expect(loadConfig({ ...storage, DELIVERY_SENDER: 'off' }).deliverySender).toBe('off');
    expect(problemOf({ ...storage, DELIVERY_SENDER: 'sometimes' })).toMatch(/^Invalid configuration: DELIVERY_SENDER/);
  });

  it('reads how long a trajectory may stay quiet before it is closed, within bounds', () => {
    expect(loadConfig({ ...storage, TRAJECTORY_INACTIVE_DAYS: '200', TRAJECTORY_INACTIVE_GRACE_DAYS: '7' }).trajectoryInactivity).toEqual({ inactiveDays: 200, graceDays: 7 });
    expect(() => loadConfig({ ...storage, TRAJECTORY_INACTIVE_DAYS: '3' })).toThrow(/TRAJECTORY_INACTIVE_DAYS/);
  });

  it('reads the first beheerders as a list of ids or e-mail addresses', () => {
    expect(loadConfig({ ...storage, INITIAL_BEHEERDERS: ' a@school.nl, 0a1b2c3d-0000 ;b@school.nl ' }).initialBeheerders).toEqual([
      'a@school.nl',
      '0a1b2c3d-0000',
      'b@school.nl',
    ]);
  });

  it('uses managed identity when only the account name is given', () => {
    expect(loadConfig({ ...authenticated, AZURE_STORAGE_CONNECTION_STRING: '', AZURE_STORAGE_ACCOUNT_NAME: 'svibstore01' }).storage).toEqual({ kind: 'managedIdentity', accountName: 'svibstore01' });
  });

  it('prefers the connection string when both are given', () => {
    expect(loadConfig({ ...authenticated, AZURE_STORAGE_ACCOUNT_NAME: 'svibstore01' }).storage.kind).toBe('connectionString');
  });

  it('enforces authentication when bot credentials are given', () => {
    expect(loadConfig(authenticated).botAuth).toEqual({
      mode: 'authenticated',
      appId: 'app-id',
      password: 'secret',
      appType: 'MultiTenant',
      tenantId: undefined,
    });
  });

  it('accepts a user-assigned managed identity for the bot without a password', () => {
    const config = loadConfig({ ...connection, BOT_ID: 'msi-client-id', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 'tenant', LINK_SIGNING_SECRET: 'x'.repeat(32) });
    expect(config.botAuth).toMatchObject({ mode: 'authenticated', appType: 'UserAssignedMSI', tenantId: 'tenant' });
  });

  it('treats empty values as not set', () => {
    expect(loadConfig({ ...storage, BOT_ID: '', BOT_PASSWORD: '  ' }).botAuth).toEqual({ mode: 'local' });
  });

  it.each([
    [{ LOCAL_MODE: 'true' }, 'AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_NAME must be set'],
    [{ ...storage, PORT: 'abc' }, 'PORT'],
    [{ ...storage, PORT: '70000' }, 'PORT'],
    [{ ...storage, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LOCAL_MODE: 'true', AZURE_STORAGE_ACCOUNT_NAME: 'Not_Valid' }, 'AZURE_STORAGE_ACCOUNT_NAME'],
    [{ ...storage, STORAGE_NAME_PREFIX: '1abc' }, 'STORAGE_NAME_PREFIX'],
    [{ ...connection, BOT_ID: 'app-id' }, 'BOT_PASSWORD must be set'],
    [{ ...storage, BOT_PASSWORD: 'secret' }, 'BOT_ID must be set'],
    [{ ...connection, BOT_ID: 'app-id', BOT_PASSWORD: 'x', BOT_TYPE: 'SingleTenant' }, 'BOT_TENANT_ID must be set'],
    [{ ...connection, BOT_ID: 'app-id', BOT_PASSWORD: 'x', BOT_TYPE: 'Other' }, 'BOT_TYPE'],
    [{ ...storage, REQUEST_REMINDER_SCHOOL_DAYS: '0' }, 'REQUEST_REMINDER_SCHOOL_DAYS'],
    [{ ...connection, KIJKWIJZER_REMINDER_SCHOOL_DAYS: '21' }, 'KIJKWIJZER_REMINDER_SCHOOL_DAYS'],
    [{ ...connection, BOT_ID: 'app-id', BOT_PASSWORD: 'x' }, 'LINK_SIGNING_SECRET must be set'],
    [{ ...storage, LINK_SIGNING_SECRET: 'short' }, 'LINK_SIGNING_SECRET'],
    [{ ...storage, PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ ...storage, SCHOOL_DAY_START: '8 uur' }, 'SCHOOL_DAY_START'],
    [{ ...storage, SCHOOL_DAY_START: '16:00', SCHOOL_DAY_END: '09:00' }, 'SCHOOL_DAY_END must be later'],
  ])('stops with one line naming the variable for %o', (env, named) => {
    const problem = problemOf(env as Record<string, string>);
    expect(problem).toContain(named);
    expect(problem).not.toContain('\n');
  });

  it('keeps one link secret when it is configured, and makes one up in local mode', () => {
    expect(loadConfig({ ...storage, LINK_SIGNING_SECRET: 's'.repeat(40) }).linkSigningSecret).toBe('s'.repeat(40));
    expect(loadConfig(storage).linkSigningSecret).toHaveLength(43);
  });

  it('turns on Teams SSO for the recording pages only with an Entra client id', () => {
    const clientId = '3f2a1b0c-1111-4222-8333-444455556666';
    expect(loadConfig({ ...authenticated, SSO_CLIENT_ID: clientId, SSO_APP_ID_URI: `api://svib.example.nl/${clientId}` }).sso).toEqual({
      clientId,
      applicationIdUri: `api://svib.example.nl/${clientId}`,
      jwksUrl: undefined,
    });
    expect(loadConfig({ ...storage, SSO_APP_ID_URI: `api://svib.example.nl/${clientId}` }).sso).toBeUndefined();
    expect(problemOf({ ...authenticated, SSO_CLIENT_ID: 'svib-app' })).toBe('Invalid configuration: SSO_CLIENT_ID must be the Entra app (client) id, a GUID');
    expect(problemOf({ ...authenticated, SSO_CLIENT_ID: clientId, SSO_APP_ID_URI: 'https://svib.example.nl' })).toContain('SSO_APP_ID_URI must look like api://');
  });

  it('accepts SSO tokens of any tenant unless SSO_ALLOWED_TENANTS lists some', () => {
    const clientId = '3f2a1b0c-1111-4222-8333-444455556666';
    const tenant = '6B3C1F0E-5D2A-4C8E-9F10-2A7D4E5B6C01';
    expect(loadConfig({ ...authenticated, SSO_CLIENT_ID: clientId }).sso?.allowedTenantIds).toBeUndefined();
    expect(loadConfig({ ...authenticated, SSO_CLIENT_ID: clientId, SSO_ALLOWED_TENANTS: ` ${tenant}, 0f0e0d0c-0b0a-4909-8807-060504030201 ` }).sso?.allowedTenantIds).toEqual([
      tenant.toLowerCase(),
      '0f0e0d0c-0b0a-4909-8807-060504030201',
    ]);
    expect(problemOf({ ...authenticated, SSO_CLIENT_ID: clientId, SSO_ALLOWED_TENANTS: 'contoso.onmicrosoft.com' })).toBe(
      'Invalid configuration: SSO_ALLOWED_TENANTS must be Entra tenant ids (GUIDs), comma separated',
    );
  });

  it('uses the ffmpeg that ships in the deployment unless told where one is', () => {
    expect(loadConfig(storage).ffmpegPath).toBe(require.resolve('@ffmpeg-installer/linux-x64/ffmpeg'));
    expect(loadConfig({ ...storage, FFMPEG_PATH: '/opt/ffmpeg/bin/ffmpeg' }).ffmpegPath).toBe('/opt/ffmpeg/bin/ffmpeg');
  });

  it('never echoes a secret value in its message', () => {
    expect(problemOf({ ...storage, BOT_PASSWORD: 'super-secret-value' })).not.toContain('super-secret-value');
  });
});

/** Every way the bot could end up without inbound authentication, and every way it refuses. */
describe('local mode (no inbound authentication) only when asked for, and never where it looks like production', () => {
  it('is chosen by LOCAL_MODE=true alone, and listens on the loopback only', () => {
    const config = loadConfig(storage);
    expect(config.botAuth).toEqual({ mode: 'local' });
    expect(config.listenHost).toBe('127.0.0.1');
  });

  it.each<Record<string, string>>([{}, { BOT_ID: '' }, { BOT_ID: '   ' }, { LOCAL_MODE: 'false' }, { LOCAL_MODE: '' }, { BOT_ID: '', LOCAL_MODE: 'FALSE' }])(
    'refuses to start without BOT_ID and without LOCAL_MODE=true (%o)',
    (env) => {
      const problem = problemOf({ ...connection, ...env });
      expect(problem).toBe('Invalid configuration: BOT_ID must be set (or LOCAL_MODE=true for an unauthenticated bot on this machine only, as npm start does)');
    },
  );

  it.each(['yes', '1', 'on', 'local'])('accepts only true or false as LOCAL_MODE, not %s', (value) => {
    expect(problemOf({ ...connection, LOCAL_MODE: value })).toBe('Invalid configuration: LOCAL_MODE must be true or false');
  });

  it.each(['TRUE', ' true '])('reads LOCAL_MODE=%s as true', (value) => {
    expect(loadConfig({ ...connection, LOCAL_MODE: value }).botAuth).toEqual({ mode: 'local' });
  });

  it('refuses LOCAL_MODE=true together with BOT_ID', () => {
    expect(problemOf({ ...authenticated, LOCAL_MODE: 'true' })).toBe('Invalid configuration: LOCAL_MODE=true and BOT_ID cannot both be set; choose one');
  });

  it.each([
    [{ WEBSITE_SITE_NAME: 'svib-bot-prod' }, 'WEBSITE_SITE_NAME is set'],
    [{ WEBSITE_INSTANCE_ID: 'abc' }, 'WEBSITE_INSTANCE_ID is set'],
    [{ WEBSITE_HOSTNAME: 'svib.azurewebsites.net' }, 'WEBSITE_HOSTNAME is set'],
    [{ WEBSITE_RESOURCE_GROUP: 'rg' }, 'WEBSITE_RESOURCE_GROUP is set'],
    [{ IDENTITY_ENDPOINT: 'http://169.254.129.2:8081/msi/token' }, 'IDENTITY_ENDPOINT is set'],
    [{ MSI_ENDPOINT: 'http://127.0.0.1:41741/MSI/token/' }, 'MSI_ENDPOINT is set'],
    [{ AZURE_CLIENT_ID: '3f2a1b0c-1111-4222-8333-444455556666' }, 'AZURE_CLIENT_ID is set'],
    [{ AZURE_STORAGE_CONNECTION_STRING: '', AZURE_STORAGE_ACCOUNT_NAME: 'svibstore01' }, 'AZURE_STORAGE_ACCOUNT_NAME (managed identity storage) is set'],
    [{ SSO_CLIENT_ID: '3f2a1b0c-1111-4222-8333-444455556666' }, 'SSO_CLIENT_ID is set'],
    [{ PUBLIC_BASE_URL: 'https://svib.example.nl' }, 'PUBLIC_BASE_URL is https'],
    [{ NODE_ENV: 'production' }, 'NODE_ENV is production'],
  ])('refuses local mode with one line where the environment looks like production: %o', (env, sign) => {
    const problem = problemOf({ ...storage, ...env } as Record<string, string>);
    expect(problem).toBe(`Invalid configuration: LOCAL_MODE=true is refused because this looks like production (${sign}); set BOT_ID instead`);
  });

  it('starts the same production-looking environment with BOT_ID, authenticated and on every interface', () => {
    const config = loadConfig({ ...authenticated, WEBSITE_SITE_NAME: 'svib-bot-prod', PUBLIC_BASE_URL: 'https://svib.example.nl', NODE_ENV: 'production' });
    expect(config.botAuth.mode).toBe('authenticated');
    expect(config.listenHost).toBeUndefined();
  });

  it('lets a plain http address on this machine and a development NODE_ENV stay local', () => {
    expect(loadConfig({ ...storage, PUBLIC_BASE_URL: 'http://localhost:3978', NODE_ENV: 'development' }).botAuth).toEqual({ mode: 'local' });
  });

  it('accepts SSO settings on a local bot only when code (a test of the SSO pages) asks, never through the environment', () => {
    const env = { ...storage, SSO_CLIENT_ID: '3f2a1b0c-1111-4222-8333-444455556666', PUBLIC_BASE_URL: 'https://svib.example.nl' };
    expect(loadConfig(env, { acceptProductionSignsInLocalMode: true }).botAuth).toEqual({ mode: 'local' });
    expect(problemOf({ ...env, acceptProductionSignsInLocalMode: 'true' } as Record<string, string>)).toContain('LOCAL_MODE=true is refused');
  });
});
