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
  | "true-false"
  | "typed-component"
  | "select-placement"
  | "select-plugins"
  | "select-duties";

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
  /** Wrong answers that confuse this fact with another: a miss on one also brings the other's cards back. */
  confusions?: Confusion[];
}

/** A wrong answer (an option id, or for typed answers the rival fact it names) mistaken for the right one. */
export interface Confusion {
  on: string;
  cardKeys: string[];
  /** The two facts side by side, appended to the explanation when the learner made this mistake. */
  contrast: Localized;
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

/** A name the learner would type for something, and names of other things it must not be taken for. */
export interface TypedAnswer {
  /** Shown as the answer after the learner commits. */
  expected: Localized;
  /** Every accepted spelling: canonical names and known aliases, in Latin letters or Chinese. */
  accepted: string[];
  /** Other facts of the same kind and their accepted names: typing one of these is a confusion. */
  rivals: Array<{ id: string; names: string[] }>;
}

export interface TypedQuestion extends Base {
  type: "typed";
  answer: TypedAnswer;
}

/** Select all that apply: scored all-or-nothing. */
export interface MultiQuestion extends Base {
  type: "multi";
  options: Option[];
  /** Ids of every right option, in option order; never empty. */
  answer: string[];
}

export type Question = ChoiceQuestion | OrderingQuestion | TrueFalseQuestion | TypedQuestion | MultiQuestion;

/** Everything that would give the answer away before the learner commits. */
export type HiddenField = "answer" | "explanation" | "cardKeys" | "source" | "factId" | "confusions";

export type PublicChoiceQuestion = Omit<ChoiceQuestion, HiddenField>;
export type PublicOrderingQuestion = Omit<OrderingQuestion, HiddenField>;
export type PublicTrueFalseQuestion = Omit<TrueFalseQuestion, HiddenField>;
export type PublicTypedQuestion = Omit<TypedQuestion, HiddenField>;
export type PublicMultiQuestion = Omit<MultiQuestion, HiddenField>;
export type PublicQuestion = PublicChoiceQuestion | PublicOrderingQuestion | PublicTrueFalseQuestion | PublicTypedQuestion | PublicMultiQuestion;

export type QuizResponse =
  | { type: "choice"; optionId: string }
  | { type: "ordering"; order: string[] }
  | { type: "true-false"; value: boolean }
  | { type: "typed"; text: string }
  | { type: "multi"; optionIds: string[] };
