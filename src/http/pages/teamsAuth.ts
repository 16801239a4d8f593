/**
 * How the recording pages say who is asking. Opened from a card in the Playground or a browser,
 * the page carries a signed link token (`?t=`); opened as a Teams dialog it carries none, and
 * the user's Teams SSO token goes with every call instead (Teams JS SDK, served by this app).
 *
 * Defines `window.svibAuth` for the page script that follows. Same rules as the page scripts:
 * no backticks and no `${` (it lives in a template string).
 */
export const TEAMS_AUTH_SCRIPT = `
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var linkToken = params.get('t') || '';
  var ready = null;

  function loadTeams() {
    return new Promise(function (resolve, reject) {
      if (window.microsoftTeams) { resolve(window.microsoftTeams); return; }
      var script = document.createElement('script');
      script.src = '/static/teams-js.js';
      script.onload = function () { if (window.microsoftTeams) resolve(window.microsoftTeams); else reject(new Error('teams-js')); };
      script.onerror = function () { reject(new Error('teams-js')); };
      document.head.appendChild(script);
    });
  }

  window.svibAuth = {
    /** True inside Teams (no link token): identity comes from Teams SSO. */
    teams: !linkToken,
    linkToken: linkToken,
    param: function (name) { return params.get(name) || ''; },
    /** Headers for an API call: none with a link token, the SSO token inside Teams. */
    headers: function () {
      if (linkToken) return Promise.resolve({});
      ready = ready || loadTeams().then(function (teams) { return teams.app.initialize().then(function () { return teams; }); });
      // Teams caches the token and renews it when needed; asking per call keeps it fresh.
      return ready
        .then(function (teams) { return teams.authentication.getAuthToken(); })
        .then(function (token) { return { Authorization: 'Bearer ' + token }; });
    },
  };
})();
`;
