import type { Localized, SourceRef, Topic } from "@/lib/core/deck/types";

export type QuizTopic = Topic | "mixed";

export const QUIZ_TOPICS: QuizTopic[] = ["mixed", "components", "networking", "cni", "pod-network", "overview"];

export const QUIZ_LENGTHS = [5, 10, 20] as const;

export type QuestionKind =
  | "duty-to-component"
  | "component-to-duty"
  | "placement"
  | "path-to-mechanism"
  | "mechanism-to-path"
  | "cni-plugin"
  | "cni-not-plugin"
  | "cni-purpose"
  | "ordering"
  | "true-false";

export interface Option {
  id: string;
  text: Localized;
}

interface Base {
  kind: QuestionKind;
  topic: Topic;
  prompt: Localized;
  explanation: Localized;
  source: SourceRef;
  /** Cards teaching the fact behind the question, so a miss can make them due. */
  cardKeys: string[];
  factId: string;
}

export interface ChoiceQuestion extends Base {
  type: "choice";
  options: Option[];
  /** The id of the correct option. */
  answer: string;
}

export interface OrderingQuestion extends Base {
  type: "ordering";
  /** Shown shuffled, never already in order. */
  items: Option[];
  /** Item ids in the right order. */
  answer: string[];
}

export interface TrueFalseQuestion extends Base {
  type: "true-false";
  /** The prompt is the statement to judge. */
  answer: boolean;
}

export type Question = ChoiceQuestion | OrderingQuestion | TrueFalseQuestion;

/** Everything that would give the answer away before the learner commits. */
export type HiddenField = "answer" | "explanation" | "cardKeys" | "source" | "factId";

export type PublicChoiceQuestion = Omit<ChoiceQuestion, HiddenField>;
export type PublicOrderingQuestion = Omit<OrderingQuestion, HiddenField>;
export type PublicTrueFalseQuestion = Omit<TrueFalseQuestion, HiddenField>;
export type PublicQuestion = PublicChoiceQuestion | PublicOrderingQuestion | PublicTrueFalseQuestion;

export type QuizResponse =
  | { type: "choice"; optionId: string }
  | { type: "ordering"; order: string[] }
  | { type: "true-false"; value: boolean };
