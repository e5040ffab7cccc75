import type { FadingEstimate, FadingLevel } from '../domain/fading';
import type { GiveIdea, Ledger } from '../domain/ledger';
import type { FavourType, InteractionKind, IntroductionStatus } from '../domain/model';
import { t, type MessageKey } from './index';
import { everyText, formatNumber, nameOrUnnamed } from './format';

/** Give and take, fading and introductions in words. Shared by the badge, panel and popup. */

export const FAVOUR_LABELS: Record<FavourType, MessageKey> = {
  recommendation: 'favourRecommendation',
  introduction: 'favourIntroduction',
  advice: 'favourAdvice',
  referral: 'favourReferral',
  congratulations: 'favourCongratulations',
  other: 'favourOther',
};

/** Kinds of contact in words. */
export const KIND_LABELS: Record<InteractionKind, MessageKey> = {
  message: 'kindMessage',
  call: 'kindCall',
  meeting: 'kindMeeting',
  event: 'kindEvent',
  other: 'kindOther',
  'favour-given': 'kindFavourGiven',
  'favour-received': 'kindFavourReceived',
  introduction: 'kindIntroduction',
};

export const FADING_LABELS: Record<FadingLevel, MessageKey> = {
  fresh: 'fadingFresh',
  cooling: 'fadingCooling',
  fading: 'fadingFading',
  faded: 'fadingFaded',
};

/**
 * "once", "twice", "3 times" / "einmal", "zweimal", "3-mal". Both languages need words for one
 * and two and the same form for every larger count; zero never reaches here (the sentences
 * say "nothing yet" instead).
 */
export function timesText(count: number): string {
  if (count === 1) return t('timesOnce');
  if (count === 2) return t('timesTwice');
  return t('timesMany', formatNumber(count));
}

/** "You asked twice, gave nothing yet", "You gave 3 times, asked once", "Even: gave 2, asked 2". */
export function ledgerSentence({ given, received }: Ledger): string {
  if (given === 0 && received === 0) return t('ledgerEmpty');
  if (received > given) return given === 0 ? t('ledgerAskedNothingGiven', timesText(received)) : t('ledgerAskedMore', timesText(received), timesText(given));
  if (given > received) return received === 0 ? t('ledgerGaveNothingAsked', timesText(given)) : t('ledgerGaveMore', timesText(given), timesText(received));
  return t('ledgerEven', formatNumber(given), formatNumber(received));
}

/** The badge's short note, only when the user owes: "you asked twice". */
export function ledgerBadgeNote({ given, received, balance }: Ledger): string | null {
  if (balance >= 0) return null;
  return given === 0 ? t('badgeAsked', timesText(received)) : t('badgeAskedGave', timesText(received), timesText(given));
}

export function giveIdeaText(idea: GiveIdea): string {
  switch (idea.kind) {
    case 'share':
      return t('giveIdeaShare', idea.hook);
    case 'recommend':
      return t('giveIdeaRecommend');
    case 'congratulate':
      return t('giveIdeaCongratulate');
    case 'introduce':
      return t('giveIdeaIntroduce');
  }
}

/** Why a tie counts as fading: "You used to be in touch every 2 months" / "Only one contact so far". */
export function fadingWhy(estimate: FadingEstimate): string {
  return estimate.basis === 'default' ? t('fadingWhyOnce') : t('fadingWhyHistory', everyText(Math.max(1, Math.round(estimate.typicalGapDays))));
}

/** An introduction's status, naming whom was asked: "Asked Jana Beispiel". */
export function introductionStatusText(status: IntroductionStatus, aName: string, bName: string): string {
  switch (status) {
    case 'idea':
      return t('introStatusIdea');
    case 'asked-a':
      return t('introStatusAsked', nameOrUnnamed(aName));
    case 'asked-b':
      return t('introStatusAsked', nameOrUnnamed(bName));
    case 'made':
      return t('introStatusMade');
    case 'outcome':
      return t('introStatusOutcome');
  }
}
