/** Pure SM-2 scheduling, learner-local days and session queue. */
export * from "./sm2";
export * from "./preview";
export * from "./days";
export * from "./queue";
export * from "./summary";
export * from "./schedule";
export * from "./replay";
export * from "./undo-plan";
export * from "./fsrs-algorithm";
export * from "./session-queue";
export * from "./answer-rules";
export * from "./day-pack";
export * from "./pack-cards";
