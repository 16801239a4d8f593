import { TestAdapter, TurnContext, type Storage, type StoreItems } from 'botbuilder';
import { createSvibTurnState } from '../../../src/teams/svibTurnState';

/** Remembers which keys the turn state asks for, and keeps what it writes. */
class KeyRecordingStorage implements Storage {
  readonly reads: string[][] = [];
  readonly items: StoreItems = {};
  async read(keys: string[]): Promise<StoreItems> {
    this.reads.push(keys);
    return Object.fromEntries(keys.filter((key) => key in this.items).map((key) => [key, this.items[key]]));
  }
  async write(changes: StoreItems): Promise<void> {
    Object.assign(this.items, changes);
  }
  async delete(keys: string[]): Promise<void> {
    for (const key of keys) delete this.items[key];
  }
}

function contextOf(conversationId: string): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'msteams',
    text: 'hulp',
    from: { id: '29:sanne', name: 'Sanne' },
    recipient: { id: '28:svib-bot', name: 'SVIB-bot' },
    conversation: { id: conversationId, name: '', isGroup: false, conversationType: 'personal' },
  });
}

describe('svib-bot turn state', () => {
  it('reads only the conversation from storage, never a per-user blob', async () => {
    const storage = new KeyRecordingStorage();
    await createSvibTurnState().load(contextOf('a:1'), storage);
    expect(storage.reads).toEqual([['msteams/28:svib-bot/conversations/a:1']]);
  });

  it('keeps what a turn remembers about the conversation for the next turn', async () => {
    const storage = new KeyRecordingStorage();
    const first = createSvibTurnState();
    await first.load(contextOf('a:2'), storage);
    first.conversation.welcomed = true;
    await first.save(contextOf('a:2'), storage);

    const next = createSvibTurnState();
    await next.load(contextOf('a:2'), storage);
    expect(next.conversation.welcomed).toBe(true);
    expect(Object.keys(storage.items)).toEqual(['msteams/28:svib-bot/conversations/a:2']);
  });

  it('gives teams-ai an empty user scope, and refuses to store anything in it', async () => {
    const storage = new KeyRecordingStorage();
    const state = createSvibTurnState();
    await state.load(contextOf('a:3'), storage);
    expect(state.user).toEqual({});
    (state.user as Record<string, unknown>).remembered = 'iets';
    await expect(state.save(contextOf('a:3'), storage)).rejects.toThrow('no per-user turn state');
  });
});
