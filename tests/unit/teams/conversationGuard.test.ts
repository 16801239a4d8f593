import { cardVerbs } from '../../../src/cards/cardVerbs';
import { textCommandPhrases } from '../../../src/domain/conversation/textCommand';
import { guardedRequestOf, isPersonalChat, verbsOutsidePersonalChat } from '../../../src/teams/conversationGuard';

const channel = { conversation: { id: '19:c', conversationType: 'channel' }, channelData: { team: { id: 't' } } };
const groupChat = { conversation: { id: '19:g', conversationType: 'groupChat', isGroup: true } };
const personal = { conversation: { id: 'a:p', conversationType: 'personal' } };
const click = (verb: unknown) => ({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb } } });

describe('which conversation is a personal chat', () => {
  it.each([
    [personal, true],
    [channel, false],
    [groupChat, false],
    [{ conversation: { id: 'x' } }, true],
    [{ conversation: { id: 'x', isGroup: true } }, false],
    [{ conversation: { id: 'x' }, channelData: { team: { id: 't' } } }, false],
    [{ conversation: { id: 'x' }, channelData: { channel: { id: 'c' } } }, false],
    [{ conversation: { id: 'x', conversationType: 'meeting' } }, false],
  ])('%o is personal: %s', (activity, expected) => {
    expect(isPersonalChat(activity as never)).toBe(expected);
  });
});

describe('the guard outside a personal chat', () => {
  it.each(Object.values(cardVerbs))('guards nothing of %s in a personal chat', (verb) => {
    expect(guardedRequestOf({ ...personal, ...click(verb) } as never)).toBeUndefined();
  });

  it.each(Object.values(cardVerbs))('decides the verb %s from the table, pointer-only when not named', (verb) => {
    for (const where of [channel, groupChat]) {
      expect(guardedRequestOf({ ...where, ...click(verb) } as never)).toEqual({ kind: 'cardAction', treatment: verbsOutsidePersonalChat[verb] ?? 'pointerOnly' });
    }
  });

  // The kijkwijzer verbs one by one: what opens a personal card goes to the personal chat, a change gets a pointer.
  it.each([
    [cardVerbs.kijkwijzerMine, 'sendToPersonalChat'],
    [cardVerbs.kijkwijzerOpen, 'sendToPersonalChat'],
    [cardVerbs.kijkwijzerManage, 'sendToPersonalChat'],
    [cardVerbs.kijkwijzerStartForm, 'sendToPersonalChat'],
    [cardVerbs.kijkwijzerResult, 'sendToPersonalChat'],
    [cardVerbs.observationOpen, 'sendToPersonalChat'],
    [cardVerbs.observationOverview, 'sendToPersonalChat'],
    [cardVerbs.kijkwijzerSave, 'pointerOnly'],
    [cardVerbs.kijkwijzerAdd, 'pointerOnly'],
    [cardVerbs.kijkwijzerReword, 'pointerOnly'],
    [cardVerbs.kijkwijzerMove, 'pointerOnly'],
    [cardVerbs.kijkwijzerRetire, 'pointerOnly'],
    [cardVerbs.kijkwijzerStart, 'pointerOnly'],
    [cardVerbs.observationSave, 'pointerOnly'],
  ])('treats the kijkwijzer verb %s in a channel or group chat as %s', (verb, treatment) => {
    for (const where of [channel, groupChat]) expect(guardedRequestOf({ ...where, ...click(verb) } as never)).toEqual({ kind: 'cardAction', treatment });
  });

  it('covers every kijkwijzer verb in the table above', () => {
    const kijkwijzerVerbs = Object.values(cardVerbs).filter((verb) => verb.startsWith('kijkwijzer.') || verb.startsWith('observation.'));
    expect(kijkwijzerVerbs).toHaveLength(14);
  });

  it.each([
    ['mijn kijkwijzers', 'sendToPersonalChat'],
    ['kijkwijzer beheren', 'sendToPersonalChat'],
  ])('sends the typed "%s" there to the personal chat', (text, treatment) => {
    expect(guardedRequestOf({ ...channel, type: 'message', text } as never)).toEqual({ kind: 'message', treatment });
  });

  it.each([['a.verb.nobody.knows'], [undefined], [42], ['toString'], ['__proto__'], ['constructor']])('answers an unknown or odd verb %p with a pointer only', (verb) => {
    expect(guardedRequestOf({ ...channel, ...click(verb) } as never)).toEqual({ kind: 'cardAction', treatment: 'pointerOnly' });
  });

  it('never opens a dialog there, and answers other invokes with a pointer', () => {
    expect(guardedRequestOf({ ...channel, type: 'invoke', name: 'task/fetch', value: { data: { verb: cardVerbs.aboutSvib } } } as never)).toEqual({ kind: 'taskModule', treatment: 'pointerOnly' });
    expect(guardedRequestOf({ ...groupChat, type: 'invoke', name: 'composeExtension/query' } as never)).toEqual({ kind: 'otherInvoke', treatment: 'pointerOnly' });
  });

  it('shows only the channel card for hulp and unknown text, and lets the install bookkeeping run', () => {
    expect(guardedRequestOf({ ...channel, type: 'message', text: 'hulp' } as never)).toEqual({ kind: 'message', treatment: 'channelHelp' });
    expect(guardedRequestOf({ ...channel, type: 'message', text: 'weerbericht?' } as never)).toEqual({ kind: 'message', treatment: 'channelHelp' });
    expect(guardedRequestOf({ ...channel, type: 'conversationUpdate' } as never)).toEqual({ kind: 'other', treatment: 'answerHere' });
    expect(guardedRequestOf({ ...channel, type: 'installationUpdate' } as never)).toEqual({ kind: 'other', treatment: 'answerHere' });
    expect(guardedRequestOf({ ...channel, type: 'messageReaction' } as never)).toEqual({ kind: 'other', treatment: 'pointerOnly' });
  });

  it.each(textCommandPhrases.flatMap(([command, words]) => words.map((word) => [command, word] as const)))('never answers the command %s ("%s") there with its personal answer', (command, word) => {
    const treatment = guardedRequestOf({ ...channel, type: 'message', text: word } as never)?.treatment;
    // Channel commands by design, with figures or a confirmation only: the directie summary's
    // handlers answer in the school's directie channel and refuse anywhere else.
    if (command === 'aboutSvib' || command === 'directieChannel' || command === 'summary') expect(treatment).toBe('answerHere');
    else expect(['channelHelp', 'sendToPersonalChat', 'pointerOnly']).toContain(treatment);
  });
});
