/**
 * A parcel's workflow state rebuilt from its event history, optionally as of a
 * date (the time slider): the events up to that day replayed through the same
 * state machine that accepted them.
 */
import { applyTransition, initialState, type TransitionInput, type WorkflowState } from './machine';
import type { LandGroup } from './steps';

/** One recorded transition, in the order it was recorded. */
export type RecordedEvent = TransitionInput;

/**
 * Replays `events` (in recorded order) from the initial state; events dated
 * after `asOf` are left out. Returns undefined when the parcel was not yet in
 * the plan on `asOf`. Throws if the history contains a transition the machine
 * refuses (a corrupt history is never silently accepted).
 */
export function replay(
  landGroup: LandGroup,
  plannedOn: string,
  events: readonly RecordedEvent[],
  asOf?: string,
): WorkflowState | undefined {
  if (asOf && asOf < plannedOn) return undefined;
  let s = initialState(landGroup, plannedOn);
  for (const e of events) {
    if (asOf && e.date > asOf) break;
    const r = applyTransition(s, e);
    if (!r.ok) throw new Error(`history refused at ${e.action} ${e.date}: ${r.refusal.code}`);
    s = r.state;
  }
  return s;
}
