/**
 * How the recording pages say who is asking. Opened from a card in the Playground or a browser,
 * the page carries a signed link token (`?t=`); opened as a Teams dialog it carries none, and
 * the user's Teams SSO token goes with every call instead (Teams JS SDK, served by this app at
 * `/static/teams-js.js`, loaded only inside Teams).
 */

/** The part of the Teams JS SDK (`window.microsoftTeams`) the pages use. */
interface TeamsSdk {
  app: { initialize(): Promise<void> };
  authentication: { getAuthToken(): Promise<string> };
}

declare global {
  interface Window {
    microsoftTeams?: TeamsSdk;
  }
}

export interface PageAuth {
  /** True inside Teams (no link token): identity comes from Teams SSO. */
  teams: boolean;
  linkToken: string;
  param(name: string): string;
  /** Headers for an API call: none with a link token, the SSO token inside Teams. */
  headers(): Promise<Record<string, string>>;
}

function loadTeams(): Promise<TeamsSdk> {
  return new Promise((resolve, reject) => {
    if (window.microsoftTeams) {
      resolve(window.microsoftTeams);
      return;
    }
    const script = document.createElement('script');
    script.src = '/static/teams-js.js';
    script.onload = () => (window.microsoftTeams ? resolve(window.microsoftTeams) : reject(new Error('teams-js')));
    script.onerror = () => reject(new Error('teams-js'));
    document.head.appendChild(script);
  });
}

export function pageAuth(): PageAuth {
  const params = new URLSearchParams(location.search);
  const linkToken = params.get('t') || '';
  let ready: Promise<TeamsSdk> | null = null;
  return {
    teams: !linkToken,
    linkToken,
    param: (name) => params.get(name) || '',
    headers: async (): Promise<Record<string, string>> => {
      if (linkToken) return {};
      ready = ready || loadTeams().then(async (teams) => {
        await teams.app.initialize();
        return teams;
      });
      // Teams caches the token and renews it when needed; asking per call keeps it fresh.
      const teams = await ready;
      const token = await teams.authentication.getAuthToken();
      return { Authorization: 'Bearer ' + token };
    },
  };
}
