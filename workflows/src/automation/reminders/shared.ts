export interface ReminderPassInput {
  tenantId: string;
}

/** What one pass did, also its result in the Temporal UI. */
export interface ReminderPassResult {
  /** The tenant's local date the pass ran for. */
  date: string;
  /** Reminders claimed and started, as their delivery workflow ids. */
  started: string[];
  /** Pairs another pass had claimed first. */
  alreadyClaimed: string[];
}
