import { nlRoles } from './nlRoles';
import { nlTrajectories } from './nlTrajectories';

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
  request: {
    formTitle: 'Begeleiding aanvragen',
    formIntro:
      'Fijn dat je begeleiding wilt! Vertel kort waar je hulpvraag over gaat. Alleen jij en de SVIB\'er die je aanvraag oppakt lezen je antwoorden.',
    proposalIntro: 'Je bent uitgenodigd voor een SVIB-traject: "{goal}". Vul je hulpvraag in om mee te doen; meedoen is vrijwillig.',
    fixProblems: 'Bijna goed! Kijk nog even naar de punten in rood hieronder.',
    groupPlaceholder: 'bijvoorbeeld groep 5',
    submit: 'Aanvraag versturen',
    sentTitle: 'Je aanvraag is verstuurd',
    alreadySent: 'Deze aanvraag had je al verstuurd; er is niets dubbel aangemaakt.',
    whatHappensNext:
      'De SVIB\'ers van je school krijgen een bericht. Zodra iemand je aanvraag oppakt, hoor je hier wie je begeleider is.',
    staysYours: 'Je traject blijft van jou: zonder jouw toestemming ziet niemand anders je antwoorden of opnames.',
    factKind: 'Hulpvraag',
    factFocus: 'Kijken naar',
    factGroup: 'Groep',
    factDays: 'Voorkeur voor opnames',
    noPreference: 'geen voorkeur',
    takenUpByNotice: '{name} heeft je aanvraag opgepakt en wordt je begeleider. Jullie plannen samen het intakegesprek.',
    handedOverNotice: 'Je traject heeft een nieuwe begeleider: {name}.',
    cancelledBySvibberNotice: '{name} heeft je traject gestopt. Toelichting: {reason}',
    declinedNotice: '{name} kan je aanvraag niet oppakken. Toelichting: {reason} Je kunt altijd opnieuw begeleiding aanvragen.',
    withdrawnNotice: '{teacher} is gestopt met het traject.',
  },
  svibber: {
    newRequestTitle: 'Nieuwe aanvraag',
    takeUp: 'Ik pak dit op',
    myGuidance: 'Mijn begeleidingen',
    factTeacher: 'Leerkracht',
    factRequestedAt: 'Aangevraagd op',
    privacyNote: 'De antwoorden van de intake ziet alleen de SVIB\'er die de aanvraag oppakt.',
    takenByYou: 'Jij hebt deze aanvraag opgepakt. Hieronder staan de antwoorden van de leerkracht.',
    takenBy: '{name} heeft deze aanvraag opgepakt.',
    withdrawn: 'Deze aanvraag is ingetrokken door de leerkracht.',
    declined: 'Deze aanvraag is gestopt door {name}.',
    reminderTitle: 'Herinnering: deze aanvraag wacht nog',
    guidanceTitle: 'Mijn begeleidingen',
    openRequestsHeading: 'Open aanvragen van je school',
    ownHeading: 'Mijn trajecten als begeleider',
    noOpenRequests: 'Er liggen geen open aanvragen.',
    noOwn: 'Je begeleidt nog geen trajecten.',
    notSvibber: 'Mijn begeleidingen is voor SVIB\'ers. Vraag een beheerder als je SVIB\'er bent maar deze rol nog niet hebt.',
    handOverTo: 'Overdragen aan',
    handOver: 'Overdragen',
    handOverChoose: 'Kies aan wie je het traject overdraagt.',
    newAssignment: '{from} heeft het traject van {teacher} aan jou overgedragen. Je vindt het bij Mijn begeleidingen.',
    declineTitle: 'Aanvraag afwijzen',
    cancelTitle: 'Traject stoppen',
    reasonLabel: 'Waarom? (de leerkracht leest dit)',
  },
  trajectory: {
    myTitle: 'Mijn trajecten',
    noneYet: 'Je hebt nog geen trajecten. Vraag begeleiding aan als je wilt beginnen.',
    open: 'Bekijken',
    detailTitle: 'Traject van {teacher}',
    factPhase: 'Fase',
    factBegeleider: 'Begeleider',
    factNext: 'Volgende stap',
    factCycles: 'Aantal opnames',
    nobodyYet: 'nog niemand',
    timelineTitle: 'Tijdlijn',
    withdrawRequest: 'Aanvraag intrekken',
    stop: 'Traject stoppen',
    withdrawReasonLabel: 'Wil je vertellen waarom? (mag je openlaten)',
    withdrawn: 'Je bent gestopt met dit traject. Je begeleider is op de hoogte.',
    notFound: 'Dit traject kan ik niet vinden, of het is niet van jou.',
    changedMeanwhile: 'Iemand anders heeft dit traject net aangepast. Probeer het nog eens.',
  },
  settings: {
    rolesTitle: 'Instellingen → Rollen',
    everyoneTeaches: 'Iedereen op school is leerkracht. Hieronder staat wie daarnaast een rol heeft.',
    noMembers: 'Nog niemand heeft een extra rol.',
    pendingDetail: '(nog niet aangemeld bij de bot)',
    remove: '{role} weghalen',
    addTitle: 'Rol toekennen',
    pickPerson: 'Kies een collega',
    orEmail: 'of typ een e-mailadres',
    role: 'Rol',
    grant: 'Rol toekennen',
    granted: '{name} is nu {role}.',
    revoked: '{name} is geen {role} meer.',
    choosePerson: 'Kies een collega of typ een e-mailadres.',
    invalidEmail: 'Dit e-mailadres klopt niet. Controleer het even.',
    chooseRole: 'Kies een rol.',
  },
  trajectories: nlTrajectories,
  roles: nlRoles,
  team: {
    unnamedSchool: 'Onze school',
    installed:
      'Bedankt voor het toevoegen van de SVIB-bot. Begeleiding aanvragen en je eigen traject volgen doe je in een persoonlijke chat met mij; in dit kanaal deel ik nooit iets uit een traject.',
  },
  errors: {
    unknownAction: 'Deze knop ken ik niet (meer). Typ *hulp* voor het overzicht.',
    somethingWentWrong: 'Er ging iets mis aan mijn kant. Probeer het zo nog eens.',
  },
} as const;

export type Texts = typeof nl;
