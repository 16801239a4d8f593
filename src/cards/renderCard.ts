import * as ACData from 'adaptivecards-templating';
import { textsFor, type Texts } from '../texts';
import { cardVerbs } from './cardVerbs';
import { escapeData, restorePlainFields } from './cardText';
import menuTemplate from '../../cards/common/menu.json';
import helpTemplate from '../../cards/common/help.json';
import aboutTemplate from '../../cards/common/about.json';
import noticeTemplate from '../../cards/common/notice.json';
import channelHelpTemplate from '../../cards/common/channelHelp.json';
import intakeFormTemplate from '../../cards/trajectories/intakeForm.json';
import intakeSummaryTemplate from '../../cards/trajectories/intakeSummary.json';
import newRequestTemplate from '../../cards/trajectories/newRequest.json';
import trajectoryListTemplate from '../../cards/trajectories/trajectoryList.json';
import trajectoryDetailTemplate from '../../cards/trajectories/trajectoryDetail.json';
import rolesTemplate from '../../cards/schools/roles.json';
import recordingSettingsTemplate from '../../cards/schools/recordingSettings.json';
import proposalFormTemplate from '../../cards/trajectories/proposalForm.json';
import proposalTemplate from '../../cards/trajectories/proposal.json';
import planFormTemplate from '../../cards/scheduling/planForm.json';
import chooseSlotTemplate from '../../cards/scheduling/chooseSlot.json';
import appointmentTemplate from '../../cards/scheduling/appointment.json';
import accessTemplate from '../../cards/recordings/access.json';
import auditLogTemplate from '../../cards/recordings/auditLog.json';
import sharedWithMeTemplate from '../../cards/recordings/sharedWithMe.json';
import kijkwijzerPageTemplate from '../../cards/kijkwijzer/page.json';
import kijkwijzerMineTemplate from '../../cards/kijkwijzer/mine.json';
import kijkwijzerManageTemplate from '../../cards/kijkwijzer/manage.json';
import kijkwijzerStartRoundTemplate from '../../cards/kijkwijzer/startRound.json';
import kijkwijzerResultTemplate from '../../cards/kijkwijzer/result.json';
import observationTemplate from '../../cards/kijkwijzer/observation.json';
import observationsTemplate from '../../cards/kijkwijzer/observations.json';
import directieSummaryTemplate from '../../cards/directieSummary/summary.json';
import summaryScheduleTemplate from '../../cards/directieSummary/scheduleSettings.json';

/** A rendered Adaptive Card (schema 1.5), ready to send. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

const templates = {
  menu: menuTemplate,
  help: helpTemplate,
  about: aboutTemplate,
  notice: noticeTemplate,
  channelHelp: channelHelpTemplate,
  intakeForm: intakeFormTemplate,
  intakeSummary: intakeSummaryTemplate,
  newRequest: newRequestTemplate,
  trajectoryList: trajectoryListTemplate,
  trajectoryDetail: trajectoryDetailTemplate,
  roles: rolesTemplate,
  recordingSettings: recordingSettingsTemplate,
  proposalForm: proposalFormTemplate,
  proposal: proposalTemplate,
  planForm: planFormTemplate,
  chooseSlot: chooseSlotTemplate,
  appointment: appointmentTemplate,
  access: accessTemplate,
  auditLog: auditLogTemplate,
  sharedWithMe: sharedWithMeTemplate,
  kijkwijzerPage: kijkwijzerPageTemplate,
  kijkwijzerMine: kijkwijzerMineTemplate,
  kijkwijzerManage: kijkwijzerManageTemplate,
  kijkwijzerStartRound: kijkwijzerStartRoundTemplate,
  kijkwijzerResult: kijkwijzerResultTemplate,
  observation: observationTemplate,
  observations: observationsTemplate,
  directieSummary: directieSummaryTemplate,
  summarySchedule: summaryScheduleTemplate,
} as const;

export type CardName = keyof typeof templates;

/**
 * Parsed templates, one per card, made on first use and kept: constructing a Template parses every
 * `${…}` of the JSON into an expression tree, which took most of a render (6–7 ms for the detail
 * card, see bench/README.md). `expand` only reads the parsed tree and builds a new card each time
 * (tests/unit/cards/renderCard.test.ts checks that), so one Template serves every render; it is
 * synchronous, so two renders never interleave on it.
 */
const parsed = new Map<CardName, ACData.Template>();

function templateOf(name: CardName): ACData.Template {
  let template = parsed.get(name);
  if (!template) {
    template = new ACData.Template(templates[name]);
    parsed.set(name, template);
  }
  return template;
}

/**
 * Expands a template from `cards/` with its data. Every template also receives the texts of the
 * language (`t`) and the verb names (`verbs`), so no card holds a user-facing literal or a verb
 * that code does not know.
 *
 * Every string of the data is markdown-escaped first (see cardText.ts: user text never becomes a
 * link or markup on someone's card); after expansion, the fields Teams does not render as
 * markdown get their exact text back.
 */
export function renderCard(name: CardName, data: Record<string, unknown> = {}, texts: Texts = textsFor()): AdaptiveCardJson {
  const expanded = templateOf(name).expand({ $root: { ...(escapeData(data) as Record<string, unknown>), t: texts, verbs: cardVerbs } });
  return restorePlainFields(expanded) as AdaptiveCardJson;
}
