/**
 * The discussion questions with the written input given to each, grouped from the meeting chat. Where the person
 * may write (a participant's panel), each question has its own box; what is sent goes to the meeting chat, tagged
 * with the question. Input is people's text: it is shown as text, never as markup. A failed send keeps the text.
 */
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { GroupedInput, InputQuestion, TaggedInput } from '../../core/meeting/input';
import { cleanInput, inputProblem, MAX_INPUT_CHARS } from '../../core/meeting/input';
import { formatClock, formatDate } from '../../core/time/format';
import { parseZonedIso, STOCKHOLM } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';

const STRINGS = {
  questions: { sv: 'Diskussionsfrågor', en: 'Discussion questions' },
  question: { sv: 'Fråga', en: 'Question' },
  noInput: { sv: 'Inga inspel ännu.', en: 'No input yet.' },
  inputCount: { sv: 'inspel', en: 'input' },
  yourInput: { sv: 'Ditt inspel till fråga', en: 'Your input to question' },
  hint: {
    sv: 'Skickas till mötets chatt i ditt namn, märkt med frågan. Alla i mötet kan läsa det.',
    en: 'Sent to the meeting chat in your name, marked with the question. Everyone in the meeting can read it.',
  },
  send: { sv: 'Skicka inspel', en: 'Send input' },
  sending: { sv: 'Skickar …', en: 'Sending …' },
  sent: {
    sv: 'Ditt inspel till fråga {n} är skickat till mötets chatt.',
    en: 'Your input to question {n} was sent to the meeting chat.',
  },
  unmatched: {
    sv: 'Inspel till frågor som har ändrats eller tagits bort sedan',
    en: 'Input to questions that have changed or been removed since',
  },
  toQuestion: { sv: 'till fråga', en: 'to question' },
  linkedTo: { sv: 'Hör till', en: 'Belongs to' },
  notSent: { sv: 'Inspelet skickades inte', en: 'The input was not sent' },
};

const useStyles = makeStyles({
  question: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlockStart: tokens.spacingVerticalS,
  },
  inputs: { paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalXS },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
});

function InputList({ inputs, showQuestion }: { readonly inputs: readonly TaggedInput[]; readonly showQuestion?: boolean }) {
  const styles = useStyles();
  const language = useLanguage();
  const t = useStrings(STRINGS);
  return (
    <ul className={styles.inputs}>
      {inputs.map((input) => {
        const at = parseZonedIso(input.createdAt);
        return (
          <li key={input.messageId}>
            <Text size={200} className={styles.meta}>
              {input.author} · {formatDate(at, STOCKHOLM, language)} {formatClock(at, STOCKHOLM, language)}
              {showQuestion === true ? ` · ${t.toQuestion} ${input.questionNumber}` : ''}
            </Text>
            <p className={styles.text}>{input.text}</p>
          </li>
        );
      })}
    </ul>
  );
}

function InputForm({ question, onSend }: { readonly question: InputQuestion; readonly onSend: (text: string) => Promise<void> }) {
  const t = useStrings(STRINGS);
  const [text, setText] = useState('');
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; error: unknown }
  >({
    kind: 'idle',
  });
  const label = `${t.yourInput} ${question.number}`;
  const tooLong = cleanInput(text).length > MAX_INPUT_CHARS;
  const send = async (): Promise<void> => {
    const problem = inputProblem(text);
    if (problem !== null) {
      setState({ kind: 'failed', error: problem });
      return;
    }
    setState({ kind: 'sending' });
    try {
      await onSend(text);
      setText('');
      setState({ kind: 'sent' });
    } catch (error) {
      // The text stays in the box: nothing the person wrote is lost to a failed send.
      setState({ kind: 'failed', error });
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Field
        label={label}
        hint={t.hint}
        validationState={tooLong ? 'error' : 'none'}
        validationMessage={tooLong ? `${cleanInput(text).length} / ${MAX_INPUT_CHARS}` : null}
      >
        <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" />
      </Field>
      <Button type="submit" appearance="primary" disabled={state.kind === 'sending'}>
        {state.kind === 'sending' ? t.sending : t.send}
      </Button>
      <div role="status">{state.kind === 'sent' ? t.sent.replace('{n}', String(question.number)) : ''}</div>
      {state.kind === 'failed' && <LoadFailed error={state.error} title={t.notSent} />}
    </form>
  );
}

export interface QuestionInputsProps {
  readonly questions: readonly InputQuestion[];
  readonly grouped: GroupedInput;
  /** The title of the agenda item each question belongs to (by question number), when it belongs to one. */
  readonly itemTitles?: ReadonlyMap<number, string>;
  /** Present where the person may write input; absent for a read-only view (the organiser's record). */
  readonly onSend?: (question: InputQuestion, text: string) => Promise<void>;
  readonly headingLevel?: 2 | 3;
  /** False while the chat is loading or could not be read: no question is then said to have no input. */
  readonly loaded?: boolean;
}

export function QuestionInputs({ questions, grouped, itemTitles, onSend, headingLevel = 3, loaded = true }: QuestionInputsProps) {
  const t = useStrings(STRINGS);
  const styles = useStyles();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>{t.questions}</Heading>
      {grouped.byQuestion.map(({ question, inputs }) => {
        const item = itemTitles?.get(question.number);
        return (
          <section key={question.number} className={styles.question} aria-label={`${t.question} ${question.number}`}>
            <Sub>
              {t.question} {question.number}: {question.text}
            </Sub>
            {item !== undefined && (
              <Text size={200} className={styles.meta}>
                {t.linkedTo}: {item}
              </Text>
            )}
            {loaded && <p>{inputs.length === 0 ? t.noInput : `${inputs.length} ${t.inputCount}`}</p>}
            {inputs.length > 0 && <InputList inputs={inputs} />}
            {onSend !== undefined && <InputForm question={question} onSend={(text) => onSend(question, text)} />}
          </section>
        );
      })}
      {questions.length === 0 && <p>{t.noInput}</p>}
      {grouped.unmatched.length > 0 && (
        <section aria-label={t.unmatched}>
          <Sub>{t.unmatched}</Sub>
          <InputList inputs={grouped.unmatched} showQuestion />
        </section>
      )}
    </section>
  );
}
