import { ConfigError, loadConfig } from '../../../src/config/config';

const storage = { AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

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
      ffmpegPath: 'ffmpeg',
      sso: undefined,
      port: 3978,
      logLevel: 'info',
      storage: { kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' },
      storageNamePrefix: 'svib',
      botAuth: { mode: 'local' },
      initialBeheerders: [],
      defaultSchoolName: 'Onze school',
      requestReminderSchoolDays: 2,
    });
  });

  it('reads the first beheerders as a list of ids or e-mail addresses', () => {
    expect(loadConfig({ ...storage, INITIAL_BEHEERDERS: ' a@school.nl, 0a1b2c3d-0000 ;b@school.nl ' }).initialBeheerders).toEqual([
      'a@school.nl',
      '0a1b2c3d-0000',
      'b@school.nl',
    ]);
  });

  it('uses managed identity when only the account name is given', () => {
    expect(loadConfig({ AZURE_STORAGE_ACCOUNT_NAME: 'svibstore01' }).storage).toEqual({ kind: 'managedIdentity', accountName: 'svibstore01' });
  });

  it('prefers the connection string when both are given', () => {
    expect(loadConfig({ ...storage, AZURE_STORAGE_ACCOUNT_NAME: 'svibstore01' }).storage.kind).toBe('connectionString');
  });

  it('enforces authentication when bot credentials are given', () => {
    expect(loadConfig({ ...storage, BOT_ID: 'app-id', BOT_PASSWORD: 'secret', LINK_SIGNING_SECRET: 'x'.repeat(32) }).botAuth).toEqual({
      mode: 'authenticated',
      appId: 'app-id',
      password: 'secret',
      appType: 'MultiTenant',
      tenantId: undefined,
    });
  });

  it('accepts a user-assigned managed identity for the bot without a password', () => {
    const config = loadConfig({ ...storage, BOT_ID: 'msi-client-id', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 'tenant', LINK_SIGNING_SECRET: 'x'.repeat(32) });
    expect(config.botAuth).toMatchObject({ mode: 'authenticated', appType: 'UserAssignedMSI', tenantId: 'tenant' });
  });

  it('treats empty values as not set', () => {
    expect(loadConfig({ ...storage, BOT_ID: '', BOT_PASSWORD: '  ' }).botAuth).toEqual({ mode: 'local' });
  });

  it.each([
    [{}, 'AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_NAME must be set'],
    [{ ...storage, PORT: 'abc' }, 'PORT'],
    [{ ...storage, PORT: '70000' }, 'PORT'],
    [{ ...storage, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ AZURE_STORAGE_ACCOUNT_NAME: 'Not_Valid' }, 'AZURE_STORAGE_ACCOUNT_NAME'],
    [{ ...storage, STORAGE_NAME_PREFIX: '1abc' }, 'STORAGE_NAME_PREFIX'],
    [{ ...storage, BOT_ID: 'app-id' }, 'BOT_PASSWORD must be set'],
    [{ ...storage, BOT_PASSWORD: 'secret' }, 'BOT_ID must be set'],
    [{ ...storage, BOT_ID: 'app-id', BOT_PASSWORD: 'x', BOT_TYPE: 'SingleTenant' }, 'BOT_TENANT_ID must be set'],
    [{ ...storage, BOT_ID: 'app-id', BOT_PASSWORD: 'x', BOT_TYPE: 'Other' }, 'BOT_TYPE'],
    [{ ...storage, REQUEST_REMINDER_SCHOOL_DAYS: '0' }, 'REQUEST_REMINDER_SCHOOL_DAYS'],
    [{ ...storage, BOT_ID: 'app-id', BOT_PASSWORD: 'x' }, 'LINK_SIGNING_SECRET must be set'],
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
    expect(loadConfig({ ...storage, SSO_CLIENT_ID: clientId, SSO_APP_ID_URI: `api://svib.example.nl/${clientId}` }).sso).toEqual({
      clientId,
      applicationIdUri: `api://svib.example.nl/${clientId}`,
      jwksUrl: undefined,
    });
    expect(loadConfig({ ...storage, SSO_APP_ID_URI: `api://svib.example.nl/${clientId}` }).sso).toBeUndefined();
    expect(problemOf({ ...storage, SSO_CLIENT_ID: 'svib-app' })).toBe('Invalid configuration: SSO_CLIENT_ID must be the Entra app (client) id, a GUID');
    expect(problemOf({ ...storage, SSO_CLIENT_ID: clientId, SSO_APP_ID_URI: 'https://svib.example.nl' })).toContain('SSO_APP_ID_URI must look like api://');
  });

  it('finds ffmpeg on the PATH unless told where it is', () => {
    expect(loadConfig(storage).ffmpegPath).toBe('ffmpeg');
    expect(loadConfig({ ...storage, FFMPEG_PATH: '/opt/ffmpeg/bin/ffmpeg' }).ffmpegPath).toBe('/opt/ffmpeg/bin/ffmpeg');
  });

  it('never echoes a secret value in its message', () => {
    expect(problemOf({ ...storage, BOT_PASSWORD: 'super-secret-value' })).not.toContain('super-secret-value');
  });
});
