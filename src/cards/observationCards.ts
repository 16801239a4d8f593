import { ratings } from '../domain/kijkwijzer/answers';
import { observationAspects, observationInputIds, type Observation, type ObservationAspect, type ObservationProblem } from '../domain/kijkwijzer/observation';
import type { Fragment } from '../domain/recordings/recording';
import type { ObservationForm, ObservationOverview } from '../features/kijkwijzer/ObservationService';
import { fillIn, type Texts, textsFor } from '../texts';
import { renderCard, type AdaptiveCardJson } from './renderCard';

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function fragmentTitle(fragment: Fragment, texts: Texts): string {
  return fillIn(texts.kijkwijzer.observation.fragment, { start: clock(fragment.startSecond), end: clock(fragment.endSecond), note: fragment.note }).trim();
}

/** One observation as lines of text: aspect, rating, how many fragments; the note as written. */
function observationLines(observation: Observation, texts: Texts): string[] {
  const words = texts.kijkwijzer.observation;
  const lines = observationAspects.flatMap(({ aspect }) => {
    const rated = observation.aspects[aspect];
    if (!rated) return [];
    const fragments = rated.fragmentIds.length > 0 ? fillIn(words.fragmentsCount, { count: rated.fragmentIds.length }) : '';
    return [fillIn(words.aspectLine, { aspect: words.aspect[aspect], rating: texts.kijkwijzer.ratingShort[rated.rating], fragments })];
  });
  return observation.note ? [...lines, `“${observation.note}”`] : lines;
}

export interface ObservationCardExtras {
  notice?: { text: string; tone: 'good' | 'attention' };
  problems?: Partial<Record<ObservationAspect | 'note', ObservationProblem>>;
  typed?: Record<string, string>;
}

/** The observation kijkwijzer of one recording for its teacher or begeleider, with the other's once visible. */
export function observationCard(form: ObservationForm, extras: ObservationCardExtras = {}, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.kijkwijzer.observation;
  const value = (id: string, stored: string) => (extras.typed && id in extras.typed ? extras.typed[id]! : stored);
  let previous: string | undefined;
  const otherRole = form.role === 'begeleider' ? 'leerkracht' : 'begeleider';
  return renderCard(
    'observation',
    {
      title: fillIn(words.title, { cycle: form.recording.cycle }),
      intro: words.intro[form.role],
      notice: extras.notice?.text ?? '',
      noticeColor: extras.notice?.tone === 'attention' ? 'Attention' : 'Good',
      recordingId: form.recording.id,
      trajectoryId: form.recording.trajectoryId,
      hasFragments: form.fragments.length > 0,
      ratingChoices: [{ title: words.notRated, value: '' }, ...ratings.map((rating) => ({ title: texts.kijkwijzer.rating[rating], value: rating }))],
      fragmentChoices: form.fragments.map((fragment) => ({ title: fragmentTitle(fragment, texts), value: fragment.id })),
      aspects: observationAspects.map(({ aspect, uitgangspunt }) => {
        const heading = uitgangspunt !== previous ? words.uitgangspunt[uitgangspunt] : '';
        previous = uitgangspunt;
        const own = form.own?.aspects[aspect];
        const problem = extras.problems?.[aspect];
        return {
          heading,
          label: words.aspect[aspect],
          ratingId: observationInputIds.rating(aspect),
          fragmentsId: observationInputIds.fragments(aspect),
          rating: value(observationInputIds.rating(aspect), own?.rating ?? ''),
          fragments: value(observationInputIds.fragments(aspect), own?.fragmentIds.join(',') ?? ''),
          error: problem ? words.problem[problem] : '',
        };
      }),
      note: value(observationInputIds.note, form.own?.note ?? ''),
      noteError: extras.problems?.note ? words.problem[extras.problems.note] : '',
      otherTitle: words.otherTitle[otherRole],
      otherLines: !form.nagesprekDone ? [words.otherAfterTalk] : form.other ? observationLines(form.other, texts) : [words.otherNone],
    },
    texts,
  );
}

/** The trajectory's observation kijkwijzers the viewer may read, and her development per aspect. */
export function observationsCard(overview: ObservationOverview, texts: Texts = textsFor()): AdaptiveCardJson {
  const words = texts.kijkwijzer.observation;
  const authorName = (observation: Observation) => (observation.author === overview.role ? words.mine : words.by[observation.author]);
  return renderCard(
    'observations',
    {
      title: overview.role === 'grantee' ? words.overviewTitleShared : words.overviewTitle,
      recordings: overview.recordings
        .filter((entry) => entry.observations.length > 0)
        .map((entry) => ({
          title: fillIn(words.recordingLine, { cycle: entry.recording.cycle }),
          lines: entry.observations.flatMap((observation) => [`${authorName(observation)}:`, ...observationLines(observation, texts)]),
        })),
      development: overview.development.map((row) => {
        const cells = row.cycles
          .filter((cell) => cell.leerkracht || cell.begeleider)
          .map((cell) => {
            const parts = (['leerkracht', 'begeleider'] as const).flatMap((author) => {
              const rating = cell[author];
              return rating ? [`${texts.kijkwijzer.ratingShort[rating]} (${author === overview.role ? words.mine : words.by[author]})`] : [];
            });
            return fillIn(words.developmentCell, { cycle: cell.cycle, ratings: parts.join(' ') });
          });
        return `${words.aspect[row.aspect]}: ${cells.join(' → ')}`;
      }),
      // The buttons open the form to fill: never for a grantee, who only reads.
      buttons: (overview.role === 'grantee' ? [] : overview.recordings).map((entry) => ({ title: fillIn(words.open, { cycle: entry.recording.cycle }), recordingId: entry.recording.id })),
    },
    texts,
  );
}
