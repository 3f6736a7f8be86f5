/**
 * The workbench's switches: language, who is signed in on each face, the faults the sandbox injects (the way
 * Microsoft's Dev Proxy does) and a reset of the sandbox to its seed.
 */
import { Button, Dropdown, Field, Option, Radio, RadioGroup } from '@fluentui/react-components';
import { useId } from 'react';
import type { Language } from '../i18n';
import { useStrings } from '../i18n';

export interface PersonChoice {
  readonly id: string;
  readonly label: string;
}

export interface FaultChoice {
  readonly latencyMs: number;
  /** Share of Graph requests that fail with 429, 503, a dropped connection or a lost answer, a quarter each. */
  readonly failureRate: number;
}

export interface WorkbenchControlsProps {
  readonly language: Language;
  readonly onLanguage: (language: Language) => void;
  readonly people: readonly PersonChoice[];
  readonly outlookPerson: string;
  /** Who can be in the Teams meeting: the people, and someone without an account. */
  readonly teamsPeople?: readonly PersonChoice[];
  readonly teamsPerson: string;
  readonly onOutlookPerson: (id: string) => void;
  readonly onTeamsPerson: (id: string) => void;
  readonly faults: FaultChoice;
  readonly onFaults: (faults: FaultChoice) => void;
  readonly onReset: () => void;
  readonly resetting: boolean;
}

const STRINGS = {
  language: { sv: 'Språk', en: 'Language' },
  outlookPerson: { sv: 'Outlook: inloggad som', en: 'Outlook: signed in as' },
  teamsPerson: { sv: 'Teams: inloggad som', en: 'Teams: signed in as' },
  latency: { sv: 'Fördröjning i Graph', en: 'Graph latency' },
  failures: {
    sv: 'Fel i Graph (429, 503, avbruten anslutning, förlorat svar)',
    en: 'Graph failures (429, 503, dropped connection, lost answer)',
  },
  none: { sv: 'Inga', en: 'None' },
  reset: { sv: 'Återställ sandlådan', en: 'Reset the sandbox' },
};

const LATENCIES = [0, 100, 500, 2000] as const;
const FAILURE_RATES = [0, 0.1, 0.3] as const;

function PersonDropdown(props: {
  readonly label: string;
  readonly people: readonly PersonChoice[];
  readonly value: string;
  readonly onChange: (id: string) => void;
}) {
  const selected = props.people.find((p) => p.id === props.value);
  return (
    <Field label={props.label}>
      <Dropdown
        value={selected?.label ?? ''}
        selectedOptions={[props.value]}
        onOptionSelect={(_e, data) => {
          if (data.optionValue !== undefined) props.onChange(data.optionValue);
        }}
      >
        {props.people.map((p) => (
          <Option key={p.id} value={p.id}>
            {p.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function WorkbenchControls(props: WorkbenchControlsProps) {
  const t = useStrings(STRINGS);
  const latencyId = useId();
  const failuresId = useId();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'end' }}>
      <Field label={t.language}>
        <RadioGroup
          layout="horizontal"
          value={props.language}
          onChange={(_e, d) => props.onLanguage(d.value === 'en' ? 'en' : 'sv')}
        >
          <Radio value="sv" label="Svenska" />
          <Radio value="en" label="English" />
        </RadioGroup>
      </Field>
      <PersonDropdown
        label={t.outlookPerson}
        people={props.people}
        value={props.outlookPerson}
        onChange={props.onOutlookPerson}
      />
      <PersonDropdown
        label={t.teamsPerson}
        people={props.teamsPeople ?? props.people}
        value={props.teamsPerson}
        onChange={props.onTeamsPerson}
      />
      <Field label={t.latency} id={latencyId}>
        <RadioGroup
          layout="horizontal"
          aria-labelledby={latencyId}
          value={String(props.faults.latencyMs)}
          onChange={(_e, d) => props.onFaults({ ...props.faults, latencyMs: Number(d.value) })}
        >
          {LATENCIES.map((ms) => (
            <Radio key={ms} value={String(ms)} label={ms === 0 ? t.none : `${ms} ms`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t.failures} id={failuresId}>
        <RadioGroup
          layout="horizontal"
          aria-labelledby={failuresId}
          value={String(props.faults.failureRate)}
          onChange={(_e, d) => props.onFaults({ ...props.faults, failureRate: Number(d.value) })}
        >
          {FAILURE_RATES.map((rate) => (
            <Radio key={rate} value={String(rate)} label={rate === 0 ? t.none : `${Math.round(rate * 100)} %`} />
          ))}
        </RadioGroup>
      </Field>
      <Button onClick={props.onReset} disabled={props.resetting}>
        {t.reset}
      </Button>
    </div>
  );
}
