import { z } from 'zod';

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
});

export type StorageConfig =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'managedIdentity'; accountName: string };

export type BotAuthConfig =
  | { mode: 'local' }
  | { mode: 'authenticated'; appId: string; password?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string };

export interface Config {
  port: number;
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

function botAuthFrom(env: z.infer<typeof environmentSchema>): BotAuthConfig {
  if (!env.BOT_ID) {
    if (env.BOT_PASSWORD) throw new ConfigError('Invalid configuration: BOT_ID must be set when BOT_PASSWORD is set');
    return { mode: 'local' };
  }
  if (env.BOT_TYPE !== 'UserAssignedMSI' && !env.BOT_PASSWORD) {
    throw new ConfigError(`Invalid configuration: BOT_PASSWORD must be set when BOT_ID is set and BOT_TYPE is ${env.BOT_TYPE}`);
  }
  if (env.BOT_TYPE !== 'MultiTenant' && !env.BOT_TENANT_ID) {
    throw new ConfigError(`Invalid configuration: BOT_TENANT_ID must be set when BOT_TYPE is ${env.BOT_TYPE}`);
  }
  return { mode: 'authenticated', appId: env.BOT_ID, password: env.BOT_PASSWORD, appType: env.BOT_TYPE, tenantId: env.BOT_TENANT_ID };
}

/** Reads and validates the environment once; throws ConfigError with one line naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv): Config {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(firstProblem(parsed.error));
  const env = parsed.data;
  return {
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    storage: storageFrom(env),
    storageNamePrefix: env.STORAGE_NAME_PREFIX,
    botAuth: botAuthFrom(env),
    initialBeheerders: env.INITIAL_BEHEERDERS,
    defaultSchoolName: env.DEFAULT_SCHOOL_NAME,
    requestReminderSchoolDays: env.REQUEST_REMINDER_SCHOOL_DAYS,
  };
}
