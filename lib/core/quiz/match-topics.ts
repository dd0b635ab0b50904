// Apart from the generator so the start form (a client component) doesn't bundle the catalog.
export const MATCH_TOPICS = ["components", "networking"] as const;
export type MatchTopic = (typeof MATCH_TOPICS)[number];
