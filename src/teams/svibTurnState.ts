import { TurnState } from '@microsoft/teams-ai';
import type { Storage, StoreItems, TurnContext } from 'botbuilder';

/** What the bot remembers per conversation between turns (kept in Blob Storage). */
export interface SvibConversationState {
  /** The welcome card was shown here; afterwards unknown text gets the short pointer instead. */
  welcomed?: boolean;
}

/**
 * The storage as this turn state sees it: the per-user key is never read (svib-bot keeps nothing
 * per user in turn state; people live in the People table), and writing it fails loudly, so a
 * future use of `state.user` cannot silently lose what it stores.
 */
class WithoutUserScope implements Storage {
  constructor(
    private readonly storage: Storage,
    private readonly userKey: string,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.storage.read(keys.filter((key) => key !== this.userKey));
  }

  write(changes: StoreItems): Promise<void> {
    if (this.userKey in changes) throw new Error('svib-bot keeps no per-user turn state; store it in a table instead');
    return this.storage.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.storage.delete(keys.filter((key) => key !== this.userKey));
  }
}

/**
 * Turn state whose user scope starts empty on every turn instead of being read from storage:
 * teams-ai reads that blob on every turn (it checks it for a sign-in flow, which svib-bot does not
 * use), and it never existed, so the read was one storage round trip per turn for nothing.
 */
export class SvibTurnState extends TurnState<SvibConversationState> {
  override async load(context: TurnContext, storage?: Storage): Promise<boolean> {
    return super.load(context, storage && (await this.withoutUserScope(context, storage)));
  }

  override async save(context: TurnContext, storage?: Storage): Promise<void> {
    return super.save(context, storage && (await this.withoutUserScope(context, storage)));
  }

  private async withoutUserScope(context: TurnContext, storage: Storage): Promise<Storage> {
    const { user } = await this.onComputeStorageKeys(context);
    return new WithoutUserScope(storage, user);
  }
}

export function createSvibTurnState(): SvibTurnState {
  return new SvibTurnState();
}
