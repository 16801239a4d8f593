/**
 * The Dutch words of the two recording pages the bot serves itself (upload and player). The
 * page's HTML gets them server-side; its script reads its section from a JSON block in the page.
 * Placeholders in {braces} are filled in the page script.
 *
 * Deliberately not `as const`: the strings are typed as plain strings, so another language's
 * file of this shape fits the same type.
 */
const common = {
  /** The `<html lang>` of the pages. */
  lang: 'nl',
  /** The line under the title names the teacher to everyone but herself. */
  contextTeacher: 'Traject van {teacher}',
};

const upload = {
  // The page itself.
  title: 'Opname toevoegen',
  fileLabel: 'Videobestand',
  fileHint: 'Het bestand gaat rechtstreeks naar de beveiligde opslag van de school.',
  uploadButton: 'Uploaden',
  retryButton: 'Opnieuw proberen',
  progressLabel: 'Voortgang',
  // Its script: status lines and messages.
  signInFailed: 'Aanmelden via Teams lukte niet. Sluit dit venster en probeer het opnieuw.',
  cannotAdd: 'Je kunt hier nu geen opname toevoegen.',
  resuming: 'Verder met de onderbroken upload…',
  uploading: 'Bezig met uploaden…',
  checking: 'Controleren wat er al is aangekomen…',
  cannotContinue: 'Deze upload kan niet meer verder. Kies Uploaden om opnieuw te beginnen.',
  stopped: 'Het uploaden is gestopt, waarschijnlijk doordat de verbinding wegviel. Wat al is verstuurd, blijft bewaard: kies Opnieuw proberen om verder te gaan.',
  finishing: 'Het bestand wordt afgerond…',
  finishFailed: 'Het afronden is niet gelukt. Kies Opnieuw proberen.',
  registering: 'De opname wordt geregistreerd…',
  connectionLost: 'De verbinding met de bot viel weg. Kies Opnieuw proberen.',
  done: 'Klaar.',
  saved: 'De opname is opgeslagen.',
  notSaved: 'De opname kon niet worden opgeslagen.',
  chooseFile: 'Kies eerst een videobestand.',
  notAVideo: 'Dit is geen video. Kies een videobestand.',
  emptyFile: 'Dit bestand is leeg. Kies een ander videobestand.',
  wait: 'Even geduld…',
  tooLarge: 'Deze video is te groot ({size}; maximaal {max}). Maak de opname korter of kleiner.',
  incompleteLink: 'Deze link is niet compleet. Open de pagina opnieuw vanuit Teams.',
  resumeHint: 'Er staat nog een onderbroken upload klaar van {fileName}. Kies hetzelfde bestand om verder te gaan.',
};

const player = {
  // The page itself.
  title: 'Opname bekijken',
  fragmentsTitle: 'Fragmenten',
  noFragments: 'Er zijn nog geen fragmenten.',
  markTitle: 'Fragment markeren',
  startLabel: 'Begin (seconden)',
  setStart: 'Begin = nu',
  endLabel: 'Einde (seconden)',
  setEnd: 'Einde = nu',
  noteLabel: 'Notitie',
  aspectLabel: 'Aspect',
  chooseAspectOption: 'Kies een aspect',
  save: 'Opslaan',
  // Its script: messages.
  cannotPlay: 'De opname kan niet worden afgespeeld. Misschien is de link verlopen: open de opname opnieuw vanuit Teams.',
  wholeSeconds: 'Vul een begin en een einde in, in hele seconden.',
  endBeforeStart: 'Het einde moet na het begin liggen.',
  endAfterRecording: 'Het einde ligt na het einde van de opname.',
  chooseAspect: 'Kies welk aspect het fragment laat zien.',
  fragmentSaved: 'Het fragment {start}–{end} is opgeslagen.',
  fragmentNotSaved: 'Het fragment kon niet worden opgeslagen.',
  connectionLost: 'De verbinding met de bot viel weg. Probeer het opnieuw.',
  incompleteLink: 'Deze link is niet compleet. Open de opname opnieuw vanuit Teams.',
  signInFailed: 'Aanmelden via Teams lukte niet. Sluit dit venster en open de opname opnieuw.',
  unreachable: 'De bot is nu niet bereikbaar. Open de opname straks opnieuw vanuit Teams.',
  cannotOpen: 'Deze opname kan ik niet voor je openen.',
};

export const nlPages = { common, upload, player };
