import { activityProblemOf, isLoopbackUrl } from '../../../src/teams/inboundActivity';

const valid = {
  type: 'message',
  serviceUrl: 'http://localhost:56150/_connector',
  from: { id: '29:sanne', aadObjectId: 'a' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:personal', conversationType: 'personal', tenantId: 't' },
};

describe('isLoopbackUrl', () => {
  it.each(['http://localhost:56150/_connector', 'http://127.0.0.1:3978/', 'https://127.9.8.7/', 'http://[::1]:80/', 'http://LOCALHOST/'])('accepts %s', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });

  it.each([
    'http://0.0.0.0:80/',
    'http://192.0.2.2/',
    'http://169.254.169.254/',
    'https://smba.trafficmanager.net/emea/',
    'http://127.0.0.1.evil.example/',
    'http://localhost.evil.example/',
    'http://localhost@evil.example/',
    'http://user:pw@127.0.0.1/',
    'http://[::ffff:7f00:1]/',
    'file:///etc/passwd',
    'ftp://127.0.0.1/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe('activityProblemOf', () => {
  it('accepts what Teams and the Playground send', () => {
    expect(activityProblemOf(valid, { loopbackOnly: true })).toBeUndefined();
    expect(activityProblemOf({ ...valid, text: null, channelData: { tenant: { id: 't' }, team: { id: 'x', name: 'y' } }, extra: 1 }, { loopbackOnly: true })).toBeUndefined();
  });

  it.each(['type', 'serviceUrl', 'from', 'recipient', 'conversation'])('refuses an activity without %s', (field) => {
    const rest: Record<string, unknown> = { ...valid };
    delete rest[field];
    expect(activityProblemOf(rest, { loopbackOnly: false })).toMatchObject({ problem: 'not-an-activity', field });
  });

  it.each([null, 'x', 42, [], [valid]])('refuses a body that is no object: %p', (body) => {
    expect(activityProblemOf(body, { loopbackOnly: false })).toMatchObject({ problem: 'not-an-activity' });
  });

  it.each([
    { from: { id: 5 } },
    { conversation: { id: '' } },
    { conversation: 'a:personal' },
    { channelData: { tenant: 'x' } },
    { membersAdded: [{}] },
    { text: 5 },
  ])('refuses wrong types: %o', (change) => {
    expect(activityProblemOf({ ...valid, ...change }, { loopbackOnly: false })?.problem).toBe('not-an-activity');
  });

  it('refuses a serviceUrl off this machine only in local mode', () => {
    const elsewhere = { ...valid, serviceUrl: 'https://smba.trafficmanager.net/emea/' };
    expect(activityProblemOf(elsewhere, { loopbackOnly: true })).toEqual({ problem: 'service-url-not-loopback' });
    expect(activityProblemOf(elsewhere, { loopbackOnly: false })).toBeUndefined();
  });
});
