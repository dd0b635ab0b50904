import type { Question } from "./types";

/** A question the quiz may ask, with what the selector needs to keep a quiz varied. */
export interface Candidate {
  /** Identity: two candidates with one key would be the same question. */
  key: string;
  /** Questions of one group are alike; the selector takes turns between groups. */
  group: string;
  /** Lower ranks go first within a group (the full ordering before its parts). */
  rank: number;
  /** Within a group, candidates take turns by this key (true and false statements alternate). */
  balance?: string;
  /** Candidates sharing an overlap key give each other away; avoided while others remain. */
  overlaps: string[];
  question: Question;
}
