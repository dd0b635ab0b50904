/** What the review use cases need to know about a learner: who, and how their days are set up. */
export interface Learner {
  id: string;
  timeZone: string;
  rolloverHour: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  /** Scheduling settings (lib/reviews/algorithm.ts); absent: SM-2. */
  algorithm?: string;
  desiredRetention?: number;
  fsrsWeights?: string | null;
  /** Cards whose answer is a name are typed first (Settings). */
  typeAnswers?: boolean;
}
