/**
 * The panel for someone in the meeting without an identity (an anonymous participant): Samråd cannot read an
 * invitation or the chat for them (no Graph), so the panel says so plainly and points to what they can see.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useStrings } from '../i18n';

const STRINGS = {
  title: { sv: 'Du deltar anonymt', en: 'You are taking part anonymously' },
  body: {
    sv: 'Samråd kan därför inte läsa någon inbjudan eller mötets chatt åt dig. Dagordningen, den aktuella punkten och frågan visas på den delade skärmen (scenen) när mötesledaren visar Samråd där. Ditt inspel kan du skriva i mötets chatt.',
    en: 'So Samråd cannot read an invitation or the meeting chat for you. The agenda, the current item and the question are shown on the shared stage when the chair shows Samråd there. You can write your input in the meeting chat.',
  },
};

export function AnonymousPanel() {
  const t = useStrings(STRINGS);
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.title}</MessageBarTitle>
        {t.body}
      </MessageBarBody>
    </MessageBar>
  );
}
