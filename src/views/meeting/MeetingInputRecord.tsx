/**
 * The organiser's view of the participants' input, per question: the material for the record. Read from the
 * meeting chat (found by the meeting's join link) and grouped under the questions as they were published — the
 * text participants answered — with input to questions changed since shown apart, never dropped.
 */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { groupInput, numberedQuestions } from '../../core/meeting/input';
import { useStrings } from '../i18n';
import { LoadFailed, Loading } from '../LoadStatus';
import { usePorts } from '../ports';
import { useLoad } from '../useLoad';
import { QuestionInputs } from './QuestionInputs';

const STRINGS = {
  loading: { sv: 'Hämtar inspelen från mötets chatt …', en: 'Loading the input from the meeting chat …' },
  notOnline: {
    sv: 'Mötet är inte ett Teams-möte, så det finns ingen mötesschatt med inspel.',
    en: 'The meeting is not a Teams meeting, so there is no meeting chat with input.',
  },
  noChat: {
    sv: 'Mötets chatt finns inte ännu. Den skapas när någon öppnar mötet i Teams; inspelen visas här sedan.',
    en: 'The meeting chat does not exist yet. Teams creates it when someone opens the meeting; the input shows here after that.',
  },
  refresh: { sv: 'Hämta inspelen igen', en: 'Load the input again' },
  others: { sv: 'Övriga meddelanden i chatten (inte inspel):', en: 'Other messages in the chat (not input):' },
};

export interface MeetingInputRecordProps {
  readonly joinUrl: string | null;
  /** The questions as participants saw them (the published ones), in order. */
  readonly questions: readonly { readonly text: string }[];
}

export function MeetingInputRecord({ joinUrl, questions }: MeetingInputRecordProps) {
  const t = useStrings(STRINGS);
  const { chats } = usePorts();
  const [generation, setGeneration] = useState(0);
  const numbered = useMemo(() => numberedQuestions(questions), [questions]);
  const { state, retry } = useLoad(
    async () => {
      if (joinUrl === null) return null;
      const chat = await chats.findChatByJoinUrl(joinUrl);
      return chat === null ? ('no-chat' as const) : chats.listMessages(chat.chatId);
    },
    `${joinUrl ?? ''}#${generation}`,
  );

  if (joinUrl === null) return <p>{t.notOnline}</p>;
  if (state.status === 'loading') return <Loading label={t.loading} />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={retry} />;
  const refresh = <Button onClick={() => setGeneration((g) => g + 1)}>{t.refresh}</Button>;
  if (state.value === null || state.value === 'no-chat') {
    return (
      <>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{state.value === null ? t.notOnline : t.noChat}</MessageBarBody>
        </MessageBar>
        {refresh}
      </>
    );
  }
  const grouped = groupInput(numbered, state.value);
  return (
    <>
      <QuestionInputs questions={numbered} grouped={grouped} headingLevel={2} />
      <p>
        {t.others} {grouped.otherMessages}
      </p>
      {refresh}
    </>
  );
}
