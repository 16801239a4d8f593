import { BotConnectorTransport } from '../../src/teams/BotConnectorTransport';
import { createTeamsAdapter } from '../../src/teams/createTeamsAdapter';
import { waitFor } from '../support/deliveries';
import { RecordingConnector } from '../support/recordingConnector';

describe('the Bot Connector transport reports what Teams answered, as data, after one call', () => {
  const connector = new RecordingConnector();
  const transport = new BotConnectorTransport(createTeamsAdapter({ mode: 'local' }), '');
  let reference = '';
  const never = () => new AbortController().signal;

  beforeAll(async () => {
    const serviceUrl = await connector.start();
    reference = JSON.stringify({ serviceUrl, channelId: 'msteams', conversation: { id: 'a:chat' }, bot: { id: '28:bot' }, user: { id: '29:user' } });
  });
  afterAll(() => connector.stop());
  beforeEach(() => connector.clear());

  it('gives the activity id of a sent message', async () => {
    const outcome = await transport.send(reference, { kind: 'text', text: 'hallo' }, never());
    expect(outcome).toEqual({ kind: 'sent', activityId: connector.sent[0].activity.id });
  });

  it('passes a 429 with its Retry-After on instead of retrying it itself', async () => {
    connector.fail({ kind: 'status', status: 429, retryAfterSeconds: 2 });
    expect(await transport.send(reference, { kind: 'text', text: 'hallo' }, never())).toEqual({ kind: 'status', status: 429, retryAfterMs: 2000 });
    expect(connector.sent).toHaveLength(0);
  });

  it.each([502, 403])('passes HTTP %i on after one call', async (status) => {
    connector.fail({ kind: 'status', status });
    expect(await transport.update(reference, 'activity-1', { type: 'AdaptiveCard' }, never())).toEqual({ kind: 'status', status });
    expect(connector.faultsAnswered).toHaveLength(1);
    expect(connector.sent).toHaveLength(0);
  });

  it('hangs up a call that is cut off, so Teams never shows it', async () => {
    connector.hold();
    const abort = new AbortController();
    const pending = transport.send(reference, { kind: 'text', text: 'te laat' }, abort.signal);
    await waitFor(() => connector.holding() === 1, 'the call to arrive');
    abort.abort();

    expect(await pending).toEqual({ kind: 'timeout' });
    await waitFor(() => connector.holdingConnected() === 0, 'the call to be hung up');
    connector.release();
    expect(connector.sent).toHaveLength(0);
  });
});
