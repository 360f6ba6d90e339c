/**
 * The names and states of a case's clocks. They belong to the case (its lists filter and sort by them); what a clock
 * measures and when it runs is the SLA module's business (src/sla).
 */
export enum TimerName {
  FirstContact = 'first_contact',
  Acceptance = 'acceptance',
  Mediation = 'mediation',
  Resolution = 'resolution',
  Callback = 'callback',
  Instalment = 'instalment',
  Limitation = 'limitation',
}

export enum TimerState {
  Running = 'running',
  Paused = 'paused',
  Met = 'met',
  Breached = 'breached',
  Cancelled = 'cancelled',
}

export const ACTIVE_TIMER_STATES: readonly TimerState[] = [TimerState.Running, TimerState.Paused];
