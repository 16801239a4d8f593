import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotAuthConfig } from '../config/config';

/**
 * In local mode (no BOT_ID) the adapter accepts anonymous calls, which the Agents Playground
 * needs; with credentials every inbound call must carry a valid Bot Framework token.
 */
export function createTeamsAdapter(auth: BotAuthConfig): TeamsAdapter {
  if (auth.mode === 'local') return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.password,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
  });
}
