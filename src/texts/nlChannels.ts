/**
 * What the bot says in a team channel or group chat, where nothing of a trajectory or a
 * recording is ever shown: a pointer to the personal chat instead.
 */
export const nlChannels = {
  helpTitle: 'SVIB-bot in dit gesprek',
  helpText:
    'In een kanaal of groepschat laat ik niets zien van trajecten, aanvragen of opnames. Begeleiding aanvragen, je trajecten bekijken en opnames delen doe je in je persoonlijke chat met mij.',
  helpHowTo: 'Open je persoonlijke chat met de SVIB-bot (zoek in Teams op SVIB-bot of klik op mijn naam en kies Chat).',
  sentToPersonalChat: 'Dit laat ik hier niet zien. Ik heb het je in je persoonlijke chat met mij gestuurd.',
  onlyInPersonalChat: 'Dit kan alleen in je persoonlijke chat met mij, niet in een kanaal of groepschat. Open daar dezelfde knop of typ daar je vraag.',
  noPersonalChat:
    'Dit laat ik hier niet zien, en je hebt nog geen persoonlijke chat met mij. Open de SVIB-bot in Teams als app (persoonlijke chat) en vraag het daar opnieuw.',
} as const;
