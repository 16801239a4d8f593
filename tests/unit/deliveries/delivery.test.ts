import { throttleKeyOf } from '../../../src/domain/deliveries/delivery';

describe('the conversation a delivery counts against', () => {
  const reference = JSON.stringify({ conversation: { id: '19:directie@thread.tacv2' } });

  it('counts a stored reference by its conversation, apart from installation rows and people', () => {
    const channel = throttleKeyOf({ kind: 'reference', tenantId: 't', conversationId: '19:directie@thread.tacv2', reference });
    expect(channel).toBe('t|reference|19:directie@thread.tacv2');
    expect(channel).not.toBe(throttleKeyOf({ kind: 'conversation', tenantId: 't', partitionKey: 'team', rowKey: '19:directie@thread.tacv2' }));
  });

  it('counts a person’s chat and the cards tracked there together', () => {
    expect(throttleKeyOf({ kind: 'conversation', tenantId: 't', partitionKey: 'p', rowKey: 'r', userId: 'u' })).toBe(
      throttleKeyOf({ kind: 'trackedCard', tenantId: 't', subject: 's', purpose: 'p', userId: 'u' }),
    );
  });

  it('counts a channel or group chat by its installation row', () => {
    expect(throttleKeyOf({ kind: 'conversation', tenantId: 't', partitionKey: 'p', rowKey: 'r' })).toBe('t|p|r');
  });
});
