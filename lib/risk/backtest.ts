// The backtest's pure part: replay a proposal (a profile as typed, thresholds, a random share) over
// past declarations next to the current setup, and count the channel mix and the hit rate of each.
// The caller (src/server/risk/backtest.ts) loads the declarations as registration saw them and feeds
// them in; the counts are sums, so they may arrive in batches and in any order.
import { assessRisk, type RiskContext, type RiskDeclaration, type RiskReason, type RiskSettings } from './engine';
import { profilesValidOn, type Channel, type RiskProfile } from './profiles';

export type ChannelMix = Record<Channel, number>;

export type BacktestResult = {
  /** Declarations replayed (the latest `sampled` of the `total` registered in the range). */
  declarations: number;
  sampled: number;
  total: number;
  current: ChannelMix;
  proposed: ChannelMix;
  /** Of the declarations the proposal would inspect (yellow/red) whose outcome is known: how many hid a discrepancy. */
  inspectedWithOutcome: number;
  hits: number;
  hitRate: number | null;
  /** The same for the current setup, on the same declarations. */
  currentInspectedWithOutcome: number;
  currentHits: number;
  currentHitRate: number | null;
  profileMatches: number;
};

export type BacktestProposal = {
  /** A profile as typed (new, or the changed version of a stored one: same id). */
  profile: RiskProfile | null;
  thresholds?: { regime: string; yellow: number; red: number };
  randomSharePercent?: number;
};

/** The two setups a declaration is replayed with. */
export type BacktestSetups = { current: RiskContext; proposed: RiskContext };

/** The settings of the proposal: its thresholds (for one regime) and random share over the current ones. */
export function proposedSettings(settings: RiskSettings, proposal: Omit<BacktestProposal, 'profile'>): RiskSettings {
  return {
    ...settings,
    ...(proposal.thresholds
      ? {
          thresholds: {
            ...settings.thresholds,
            [proposal.thresholds.regime]: { yellow: proposal.thresholds.yellow, red: proposal.thresholds.red },
          },
        }
      : {}),
    ...(proposal.randomSharePercent !== undefined ? { randomSharePercent: proposal.randomSharePercent } : {}),
  };
}

/**
 * The setups per registration day. As registration does, each declaration gets the profiles valid on
 * its registration day. The proposed profile replaces its stored version on every day, never as a
 * shadow (the question is what it would have done) — but `matchProfile` still checks its own
 * validity dates, so it matches only declarations registered within them.
 */
export function backtestSetups(args: {
  activeProfiles: readonly RiskProfile[];
  proposal: BacktestProposal;
  context: Omit<RiskContext, 'profiles' | 'settings'>;
  settings: RiskSettings;
}): (date: string) => BacktestSetups {
  const { activeProfiles, proposal, context, settings } = args;
  const proposed = proposedSettings(settings, proposal);
  const byDate = new Map<string, BacktestSetups>();
  return (date) => {
    let setups = byDate.get(date);
    if (!setups) {
      const current = profilesValidOn(activeProfiles, date);
      const profile = proposal.profile;
      setups = {
        current: { ...context, profiles: current, settings },
        proposed: {
          ...context,
          profiles: profile
            ? [...current.filter((p) => p.id !== profile.id), { ...profile, isShadow: false }]
            : current,
          settings: proposed,
        },
      };
      byDate.set(date, setups);
    }
    return setups;
  };
}

/** A past declaration with what its inspections found (no inspection: the outcome is unknown). */
export type BacktestOutcome = { hasOutcome: boolean; isHit: boolean };

export type ReplayedDeclaration = BacktestOutcome & {
  before: Channel;
  after: Channel;
  matchesProposedProfile: boolean;
};

/** Replay one declaration under both setups. */
export function replayDeclaration(
  input: RiskDeclaration,
  setups: BacktestSetups,
  outcome: BacktestOutcome,
  proposedProfileId: string | null,
): ReplayedDeclaration {
  const before = assessRisk(input, setups.current);
  const after = assessRisk(input, setups.proposed);
  const matchesProposedProfile =
    proposedProfileId !== null &&
    (after.reasons as RiskReason[]).some((r) => r.kind === 'PROFILE' && r.profileId === proposedProfileId);
  return { ...outcome, before: before.channel, after: after.channel, matchesProposedProfile };
}

const emptyMix = (): ChannelMix => ({ GREEN: 0, YELLOW: 0, RED: 0, BLUE: 0 });
const isInspected = (channel: Channel) => channel === 'YELLOW' || channel === 'RED';

/** Counts before any declaration; `sampled` and the hit rates are set by `finishBacktest`. */
export function emptyBacktest(total: number): BacktestResult {
  return {
    declarations: 0,
    sampled: 0,
    total,
    current: emptyMix(),
    proposed: emptyMix(),
    inspectedWithOutcome: 0,
    hits: 0,
    hitRate: null,
    currentInspectedWithOutcome: 0,
    currentHits: 0,
    currentHitRate: null,
    profileMatches: 0,
  };
}

/** Count one replayed declaration into the result (in place: a backtest streams its declarations). */
export function countReplay(result: BacktestResult, r: ReplayedDeclaration): void {
  result.declarations += 1;
  result.current[r.before] += 1;
  result.proposed[r.after] += 1;
  if (r.matchesProposedProfile) result.profileMatches += 1;
  if (r.hasOutcome && isInspected(r.after)) {
    result.inspectedWithOutcome += 1;
    if (r.isHit) result.hits += 1;
  }
  if (r.hasOutcome && isInspected(r.before)) {
    result.currentInspectedWithOutcome += 1;
    if (r.isHit) result.currentHits += 1;
  }
}

/** The result once every declaration is counted: the hit rates where an outcome is known. */
export function finishBacktest(result: BacktestResult): BacktestResult {
  return {
    ...result,
    sampled: result.declarations,
    hitRate: result.inspectedWithOutcome ? result.hits / result.inspectedWithOutcome : null,
    currentHitRate: result.currentInspectedWithOutcome ? result.currentHits / result.currentInspectedWithOutcome : null,
  };
}
