import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { bundledFfmpegPath } from '../media/bundledFfmpeg';

/** Raised when the environment cannot start the bot; its message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_ACCOUNT_NAME: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z0-9]{3,24}$/, 'must be 3-24 lowercase letters or digits')
      .optional(),
  ),
  STORAGE_NAME_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9]{0,19}$/, 'must start with a lowercase letter, then up to 19 lowercase letters or digits')
    .default('svib'),
  LOCAL_MODE: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => ['', 'true', 'false'].includes(value), 'must be true or false')
    .transform((value) => value === 'true')
    // zod 4: prefault feeds '' through the checks above, as zod 3's default did.
    .prefault(''),
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  BOT_TENANT_ID: optionalText,
  INITIAL_BEHEERDERS: z
    .string()
    .default('')
    .transform((value) => value.split(/[,;\s]+/).map((entry) => entry.trim()).filter(Boolean)),
  DEFAULT_SCHOOL_NAME: z.string().trim().min(1).max(80).default('Onze school'),
  REQUEST_REMINDER_SCHOOL_DAYS: z.coerce.number().int().min(1).max(20).default(2),
  KIJKWIJZER_REMINDER_SCHOOL_DAYS: z.coerce.number().int().min(1).max(20).default(2),
  PUBLIC_BASE_URL: optionalText.pipe(z.string().url('must be a URL like https://svib.example.nl').optional()),
  LINK_SIGNING_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  SCHOOL_DAY_START: z.string().regex(clock, 'must be a time like 08:30').default('08:00'),
  SCHOOL_DAY_END: z.string().regex(clock, 'must be a time like 17:00').default('17:00'),
  RECORDING_MAX_BYTES: z.coerce.number().int().min(1_000_000).default(4 * 1024 ** 3),
  RECORDING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  TRAJECTORY_INACTIVE_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  TRAJECTORY_INACTIVE_GRACE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  REMINDER_DAY_BEFORE_AT: z.string().regex(clock, 'must be a time like 16:00').default('16:00'),
  FFMPEG_PATH: z.string().trim().min(1).optional(),
  SSO_CLIENT_ID: optionalText.pipe(z.string().uuid('must be the Entra app (client) id, a GUID').optional()),
  SSO_APP_ID_URI: optionalText.pipe(z.string().regex(/^api:\/\/\S+$/, 'must look like api://<host>/<client id>').optional()),
  SSO_JWKS_URL: optionalText.pipe(z.string().url('must be a URL').optional()),
  SSO_ALLOWED_TENANTS: z
    .string()
    .default('')
    .transform((value) => value.split(/[,;\s]+/).map((entry) => entry.trim().toLowerCase()).filter(Boolean))
    .refine((tenants) => tenants.every((tenant) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(tenant)), 'must be Entra tenant ids (GUIDs), comma separated'),
  DELIVERY_SENDER: z.enum(['in-process', 'off']).default('in-process'),
});

export type StorageConfig =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'managedIdentity'; accountName: string };

/**
 * `local`: no inbound authentication, for the Agents Playground on this machine only; chosen
 * explicitly with LOCAL_MODE=true (npm start sets it), never by a missing BOT_ID.
 */
export type BotAuthConfig =
  | { mode: 'local' }
  | { mode: 'authenticated'; appId: string; password?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string };

export interface Config {
  port: number;
  /** Local mode listens on the loopback only; with authentication on every interface (App Service). */
  listenHost?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  storage: StorageConfig;
  storageNamePrefix: string;
  botAuth: BotAuthConfig;
  /** Entra object ids or e-mail addresses of the first beheerders; after that roles are managed in Teams. */
  initialBeheerders: string[];
  /** Name of the school used in a tenant where the bot was not installed in a school's team yet. */
  defaultSchoolName: string;
  /** After this many school days without a taker, the SVIB'ers are reminded of a request once. */
  requestReminderSchoolDays: number;
  /** Unfinished participants are reminded once this many school days before a round closes. */
  kijkwijzerReminderSchoolDays: number;
  /** Where people's browsers reach the bot's own pages (calendar links). */
  publicBaseUrl: string;
  /** Signs short-lived links; in local mode a random one per process is fine. */
  linkSigningSecret: string;
  schoolHours: { start: string; end: string };
  reminderDayBeforeAt: string;
  /** Largest recording accepted (default 4 GB). */
  recordingMaxBytes: number;
  /** Recordings are deleted this many days after their trajectory closes. */
  recordingRetentionDays: number;
  /** A trajectory without any step this long is announced to be closed, and closed after the grace days. */
  trajectoryInactivity: { inactiveDays: number; graceDays: number };
  /** Cuts shared fragments into clips; without it only whole recordings can be shared. */
  ffmpegPath: string;
  /** Teams SSO for the recording pages; absent, the pages work with signed links only. */
  sso?: { clientId: string; applicationIdUri?: string; jwksUrl?: string; /** Absent: any tenant. */ allowedTenantIds?: string[] };
  /** Whether this process sends the queued deliveries too ('off' when `npm run sender` runs elsewhere). */
  deliverySender: 'in-process' | 'off';
}

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const variable = issue.path.join('.') || 'environment';
  return `Invalid configuration: ${variable} ${issue.message}`;
}

function storageFrom(env: z.infer<typeof environmentSchema>): StorageConfig {
  if (env.AZURE_STORAGE_CONNECTION_STRING) {
    return { kind: 'connectionString', connectionString: env.AZURE_STORAGE_CONNECTION_STRING };
  }
  if (env.AZURE_STORAGE_ACCOUNT_NAME) {
    return { kind: 'managedIdentity', accountName: env.AZURE_STORAGE_ACCOUNT_NAME };
  }
  throw new ConfigError(
    'Invalid configuration: AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_NAME must be set (npm start sets it for local Azurite)',
  );
}

/** How tests may load configuration; production and npm start never pass this. */
export interface LoadOptions {
  /**
   * Only for tests of the Teams SSO pages, which need SSO settings on an unauthenticated bot:
   * local mode is then not refused for looking like production. No environment variable can set this.
   */
  acceptProductionSignsInLocalMode?: boolean;
}

/** The first sign that this process runs where real people's data is (Azure App Service, managed identity, https). */
export function productionSignOf(source: NodeJS.ProcessEnv, env: z.infer<typeof environmentSchema>): string | undefined {
  const appServiceVariables = ['WEBSITE_SITE_NAME', 'WEBSITE_INSTANCE_ID', 'WEBSITE_HOSTNAME', 'WEBSITE_RESOURCE_GROUP', 'IDENTITY_ENDPOINT', 'MSI_ENDPOINT', 'AZURE_CLIENT_ID'];
  const present = appServiceVariables.find((name) => (source[name] ?? '').trim() !== '');
  if (present) return `${present} is set`;
  if (env.AZURE_STORAGE_ACCOUNT_NAME) return 'AZURE_STORAGE_ACCOUNT_NAME (managed identity storage) is set';
  if (env.SSO_CLIENT_ID) return 'SSO_CLIENT_ID is set';
  if (env.PUBLIC_BASE_URL?.startsWith('https:')) return 'PUBLIC_BASE_URL is https';
  if ((source.NODE_ENV ?? '').trim().toLowerCase() === 'production') return 'NODE_ENV is production';
  return undefined;
}

function botAuthFrom(source: NodeJS.ProcessEnv, env: z.infer<typeof environmentSchema>, options: LoadOptions): BotAuthConfig {
  if (!env.BOT_ID) {
    if (env.BOT_PASSWORD) throw new ConfigError('Invalid configuration: BOT_ID must be set when BOT_PASSWORD is set');
    if (!env.LOCAL_MODE) {
      throw new ConfigError('Invalid configuration: BOT_ID must be set (or LOCAL_MODE=true for an unauthenticated bot on this machine only, as npm start does)');
    }
    const sign = options.acceptProductionSignsInLocalMode ? undefined : productionSignOf(source, env);
    if (sign) throw new ConfigError(`Invalid configuration: LOCAL_MODE=true is refused because this looks like production (${sign}); set BOT_ID instead`);
    return { mode: 'local' };
  }
  if (env.LOCAL_MODE) throw new ConfigError('Invalid configuration: LOCAL_MODE=true and BOT_ID cannot both be set; choose one');
  if (env.BOT_TYPE !== 'UserAssignedMSI' && !env.BOT_PASSWORD) {
    throw new ConfigError(`Invalid configuration: BOT_PASSWORD must be set when BOT_ID is set and BOT_TYPE is ${env.BOT_TYPE}`);
  }
  if (env.BOT_TYPE !== 'MultiTenant' && !env.BOT_TENANT_ID) {
    throw new ConfigError(`Invalid configuration: BOT_TENANT_ID must be set when BOT_TYPE is ${env.BOT_TYPE}`);
  }
  return { mode: 'authenticated', appId: env.BOT_ID, password: env.BOT_PASSWORD, appType: env.BOT_TYPE, tenantId: env.BOT_TENANT_ID };
}

function linkSecretFrom(env: z.infer<typeof environmentSchema>, botAuth: BotAuthConfig): string {
  if (env.LINK_SIGNING_SECRET) return env.LINK_SIGNING_SECRET;
  // With real users, links must survive a restart and be equal on every instance.
  if (botAuth.mode === 'authenticated') throw new ConfigError('Invalid configuration: LINK_SIGNING_SECRET must be set when BOT_ID is set');
  return randomBytes(32).toString('base64url');
}

/** Reads and validates the environment once; throws ConfigError with one line naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv, options: LoadOptions = {}): Config {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(firstProblem(parsed.error));
  const env = parsed.data;
  const botAuth = botAuthFrom(source, env, options);
  if (env.SCHOOL_DAY_START >= env.SCHOOL_DAY_END) throw new ConfigError('Invalid configuration: SCHOOL_DAY_END must be later than SCHOOL_DAY_START');
  return {
    port: env.PORT,
    listenHost: botAuth.mode === 'local' ? '127.0.0.1' : undefined,
    logLevel: env.LOG_LEVEL,
    storage: storageFrom(env),
    storageNamePrefix: env.STORAGE_NAME_PREFIX,
    botAuth,
    initialBeheerders: env.INITIAL_BEHEERDERS,
    defaultSchoolName: env.DEFAULT_SCHOOL_NAME,
    requestReminderSchoolDays: env.REQUEST_REMINDER_SCHOOL_DAYS,
    kijkwijzerReminderSchoolDays: env.KIJKWIJZER_REMINDER_SCHOOL_DAYS,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    linkSigningSecret: linkSecretFrom(env, botAuth),
    schoolHours: { start: env.SCHOOL_DAY_START, end: env.SCHOOL_DAY_END },
    reminderDayBeforeAt: env.REMINDER_DAY_BEFORE_AT,
    recordingMaxBytes: env.RECORDING_MAX_BYTES,
    recordingRetentionDays: env.RECORDING_RETENTION_DAYS,
    trajectoryInactivity: { inactiveDays: env.TRAJECTORY_INACTIVE_DAYS, graceDays: env.TRAJECTORY_INACTIVE_GRACE_DAYS },
    ffmpegPath: env.FFMPEG_PATH ?? bundledFfmpegPath(),
    deliverySender: env.DELIVERY_SENDER,
    sso: env.SSO_CLIENT_ID
      ? {
          clientId: env.SSO_CLIENT_ID,
          applicationIdUri: env.SSO_APP_ID_URI,
          jwksUrl: env.SSO_JWKS_URL,
          allowedTenantIds: env.SSO_ALLOWED_TENANTS.length > 0 ? env.SSO_ALLOWED_TENANTS : undefined,
        }
      : undefined,
  };
}
