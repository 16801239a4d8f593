/**
 * Where the bot is installed, so that later features can message people and channels
 * proactively. Pure: the storage and Teams layers translate to and from these shapes.
 */
export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export interface ConversationFacts {
  tenantId?: string;
  conversationType?: string;
  conversationId: string;
  /** The Entra object id of the user, for a personal chat. */
  userAadObjectId?: string;
  /** The team's id, for a team channel. */
  teamId?: string;
}

export interface InstallationKey {
  scope: ConversationScope;
  /** One tenant's installations share a partition. */
  partitionKey: string;
  /**
   * Natural key per scope, so a reinstall updates the same row: the user for a personal chat,
   * the team for a channel, the chat for a group chat.
   */
  rowKey: string;
}

export interface Installation {
  key: InstallationKey;
  active: boolean;
  /** Serialized conversation reference, opaque to the domain. */
  reference: string;
  installedAt: Date;
  updatedAt: Date;
  uninstalledAt?: Date;
}

const NO_TENANT = 'no-tenant';

export function scopeOf(conversationType: string | undefined): ConversationScope {
  if (conversationType === 'channel') return 'channel';
  if (conversationType === 'groupChat') return 'groupChat';
  return 'personal';
}

/** Table keys may not contain / \ # ? or control characters. */
function safeKeyPart(value: string): string {
  // eslint-disable-next-line no-control-regex
  return encodeURIComponent(value).replace(/[\u0000-\u001f\u007f]/g, '');
}

export function installationKeyOf(facts: ConversationFacts): InstallationKey {
  const scope = scopeOf(facts.conversationType);
  const partitionKey = safeKeyPart(facts.tenantId || NO_TENANT);
  if (scope === 'personal' && facts.userAadObjectId) {
    return { scope, partitionKey, rowKey: `user_${safeKeyPart(facts.userAadObjectId)}` };
  }
  if (scope === 'channel' && facts.teamId) {
    return { scope, partitionKey, rowKey: `team_${safeKeyPart(facts.teamId)}` };
  }
  // A channel conversation id carries the thread of one message after ';'; the channel is what was installed.
  const conversationId = facts.conversationId.split(';')[0];
  return { scope, partitionKey, rowKey: `chat_${safeKeyPart(conversationId)}` };
}

/** An install creates the record or reactivates it; the first install time is kept. */
export function recordInstall(existing: Installation | undefined, key: InstallationKey, reference: string, now: Date): Installation {
  return {
    key,
    active: true,
    reference,
    installedAt: existing?.active ? existing.installedAt : now,
    updatedAt: now,
    uninstalledAt: undefined,
  };
}

/** An uninstall keeps the record (for the audit of what was sent) but marks it inactive. */
export function recordUninstall(existing: Installation, now: Date): Installation {
  if (!existing.active) return existing;
  return { ...existing, active: false, updatedAt: now, uninstalledAt: now };
}
