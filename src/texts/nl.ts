/**
 * Every word a user sees, in Dutch. Cards receive these through their template data,
 * so a second language is a second file of this shape.
 */
export const nl = {
  menu: {
    requestSupport: 'Begeleiding aanvragen',
    myTrajectories: 'Mijn trajecten',
    aboutSvib: 'Wat is SVIB?',
  },
  welcome: {
    title: 'Welkom bij SVIB',
    greeting: 'Hoi! Ik ben de SVIB-bot van jouw school.',
    whatIsSvib: [
      'SVIB (School Video Interactie Begeleiding) is begeleiding met korte video-opnames van je eigen lessen.',
      'Een SVIB\'er filmt een paar minuten van een les en bekijkt de beelden samen met jou in een nagesprek.',
      'Je kijkt naar wat goed gaat en naar wat je wilt bereiken: er wordt nooit geoordeeld.',
    ],
    ownership:
      'Jouw traject is van jou: niemand ziet je hulpvraag, opnames of fragmenten zonder jouw toestemming. Meedoen is altijd vrijwillig.',
    chooseBelow: 'Wat wil je doen?',
  },
  unknown: {
    title: 'Dat begrijp ik nog niet',
    pointer: 'Kies hieronder wat je wilt doen, of typ *hulp* om het overzicht opnieuw te zien.',
  },
  about: {
    title: 'Wat is SVIB?',
    intro:
      'Bij SVIB werk je aan een eigen leervraag met korte video-opnames van je lessen. Het traject is van jou: jij bepaalt wie wat te zien krijgt.',
    stepsTitle: 'Zo verloopt een traject',
    steps: [
      { title: 'Aanvraag', text: 'Je stelt een hulpvraag, bijvoorbeeld over één leerling, de groep of een nieuwe methode.' },
      { title: 'Intakegesprek', text: 'Met je SVIB\'er: Wat gebeurt er? Wat wil ik anders? Wat wil ik bereiken?' },
      { title: 'Opnames en nagesprekken', text: 'Meestal drie keer een korte opname, telkens gevolgd door een nagesprek.' },
      { title: 'Eindgesprek', text: 'Je kijkt terug op wat je hebt bereikt; daarna worden de opnames verwijderd.' },
    ],
    focusTitle: 'Waar wordt naar gekeken?',
    focus:
      'Naar basiscommunicatie (initiatief volgen, ontvangstbevestiging, instemmend benoemen, beurtverdeling, leiding geven), naar organisatie en klassenmanagement, en naar didactiek.',
    privacy:
      'Opnames laten ook kinderen zien: ouders worden geïnformeerd volgens het protocol van de school, en beelden worden zorgvuldig bewaard en op tijd verwijderd.',
  },
  comingSoon: {
    requestSupport: 'Begeleiding aanvragen komt binnenkort. Je hoort het hier zodra het kan.',
    myTrajectories: 'Een overzicht van je trajecten komt binnenkort.',
  },
  team: {
    installed:
      'Bedankt voor het toevoegen van de SVIB-bot. Begeleiding aanvragen en je eigen traject volgen doe je in een persoonlijke chat met mij; in dit kanaal deel ik nooit iets uit een traject.',
  },
  errors: {
    unknownAction: 'Deze knop ken ik niet (meer). Typ *hulp* voor het overzicht.',
    somethingWentWrong: 'Er ging iets mis aan mijn kant. Probeer het zo nog eens.',
  },
} as const;

export type Texts = typeof nl;
