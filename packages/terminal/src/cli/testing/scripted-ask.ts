/**
 * Test helper: an Ask that answers from a list, recording each question and what was said
 * in between, and failing loudly when the flow asks more than the test expected.
 */
import type { Ask, AskOptions } from '../ask.js';

export interface ScriptedAsk {
  readonly ask: Ask;
  readonly say: (text: string) => void;
  /** Questions asked, in order, with their options. */
  readonly questions: { readonly question: string; readonly options: AskOptions }[];
  /** Everything said (explanations, refused answers). */
  readonly said: string[];
  /** Answers not used. */
  readonly remaining: () => readonly string[];
}

export function scriptedAsk(answers: readonly string[]): ScriptedAsk {
  const queue = [...answers];
  const questions: { question: string; options: AskOptions }[] = [];
  const said: string[] = [];
  return {
    questions,
    said,
    say: (text) => {
      said.push(text);
    },
    ask: async (question, options = {}) => {
      questions.push({ question, options });
      const answer = queue.shift();
      if (answer === undefined) throw new Error(`no scripted answer for: ${question} (said so far: ${said.join(' | ')})`);
      return answer === '' && options.defaultValue !== undefined ? options.defaultValue : answer;
    },
    remaining: () => [...queue],
  };
}
