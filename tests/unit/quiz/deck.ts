import { readFileSync } from "node:fs";
import { compileDeck } from "@/lib/core/deck/compile";
import { generateQuiz } from "@/lib/core/quiz/generate";
import { QUIZ_LENGTHS, QUIZ_TOPICS, type Question, type QuizTopic } from "@/lib/core/quiz/types";

/** The real study note, compiled once for all quiz tests. */
export const deck = compileDeck(readFileSync("seed/k8s-basics.md", "utf8"));

export const SEEDS = Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 0);

export interface GeneratedQuiz {
  topic: QuizTopic;
  length: number;
  seed: number;
  questions: Question[];
}

const cache = new Map<QuizTopic, GeneratedQuiz[]>();

/** Every seed × length for a topic, generated once and shared by the property tests. */
export function quizzesFor(topic: QuizTopic): GeneratedQuiz[] {
  let list = cache.get(topic);
  if (!list) {
    list = SEEDS.flatMap((seed) =>
      QUIZ_LENGTHS.map((length) => ({ topic, length, seed, questions: generateQuiz(deck, { topic, length, seed }) })),
    );
    cache.set(topic, list);
  }
  return list;
}

/** Full-length quizzes of every topic for the first `seeds` seeds: plenty to check each kind's content. */
export function sampleQuestions(seeds = 100): Question[] {
  return QUIZ_TOPICS.flatMap((topic) =>
    SEEDS.slice(0, seeds).flatMap((seed) => generateQuiz(deck, { topic, length: 20, seed })),
  );
}

export function answerText(q: Question & { type: "choice" }) {
  const right = q.options.find((o) => o.id === q.answer);
  if (!right) throw new Error(`answer ${q.answer} is not an option`);
  return right.text;
}

/** A short label for failure messages. */
export const describeQ = (q: Question) => `${q.kind}/${q.factId}: ${q.prompt.en}`;
