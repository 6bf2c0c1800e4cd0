// Journeys from JSON text (files, the panel's JSON view): a syntax error is reported with its line
// and column. Apart from envelope.ts so the sandbox, which only ever receives parsed objects, does
// not carry a JSON parser of its own (jsonc-parser locates errors that JSON.parse does not).
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { err, type Problem, type Result } from '../result';
import { loadJourney, type LoadedJourney } from './envelope';

/** Parses JSON text into a journey, reporting a syntax error with its line and column. */
export function loadJourneyText(text: string): Result<LoadedJourney, Problem[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return err([jsonSyntaxProblem(text, e as Error)]);
  }
  return loadJourney(raw);
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a badly written number',
  PropertyNameExpected: 'a missing "name" in double quotes',
  ValueExpected: 'a missing value',
  ColonExpected: 'a missing colon',
  CommaExpected: 'a missing comma',
  CloseBraceExpected: 'a missing }',
  CloseBracketExpected: 'a missing ]',
  EndOfFileExpected: 'extra text after the end',
  InvalidCommentToken: 'a comment (JSON has none)',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'an unfinished "string"',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a bad \\u escape',
  InvalidEscapeCharacter: 'a bad \\ escape',
  InvalidCharacter: 'a control character inside a string',
};

/** Locates a JSON syntax error (jsonc-parser reports an offset for every kind; engines do not). */
export function jsonSyntaxProblem(text: string, e: Error): Problem {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { path: '', message: `is not valid JSON: ${e.message}` };
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  const code = printParseErrorCode(first.error);
  const what = text.trim() === '' ? 'nothing (the text is empty)' : (SYNTAX_WORDS[code] ?? code);
  return { path: '', line, column, message: `is not valid JSON: ${what} at line ${line}, column ${column}` };
}
