/**
 * The organiser pane's loader: with a remembered document name it reads the event and the document at once (one
 * round trip); without one, or when the hint is stale, it reads the event first and remembers the right name.
 */
import { describe, expect, it } from 'vitest';
import type {
  ConsultationDocumentPort,
  DocumentMemory,
  MeetingEvent,
  MeetingEventPort,
  StoredConsultation,
} from '../../../src/core/ports';
import { PortError } from '../../../src/core/ports';
import { loadOrganiserView } from '../../../src/views/faces/loadOrganiserView';
import { sampleConsultation } from '../../support/consultations';

const EVENT: MeetingEvent = {
  id: 'event-1',
  iCalUId: 'uid-1',
  subject: 'Samråd om exempel',
  start: '2023-12-12T13:00:00+01:00',
  end: '2023-12-12T14:30:00+01:00',
  joinUrl: null,
  bodyHtml: '',
  organizerEmail: 'arrangor@regeringskansliet.example',
  attendees: [],
  etag: 'W/"1"',
  link: { documentName: 'samrad-1' },
};

const unavailable = new PortError('unavailable', { sv: 'Borta.', en: 'Gone.' }, { sv: 'Vänta.', en: 'Wait.' });

/** Ports that record the order of calls: `[n] what` with n the number of calls still running at that moment. */
function recordingPorts(options: { event?: MeetingEvent; failDocument?: boolean } = {}) {
  const log: string[] = [];
  let running = 0;
  const track = async <T>(what: string, value: () => T): Promise<T> => {
    running += 1;
    log.push(`start ${what} (${running} running)`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running -= 1;
    return value();
  };
  const events: Pick<MeetingEventPort, 'getEvent'> = {
    getEvent: (id) => track(`event ${id}`, () => options.event ?? EVENT),
  };
  const documents: Pick<ConsultationDocumentPort, 'load'> = {
    load: (name) =>
      track(`document ${name}`, (): StoredConsultation => {
        if (options.failDocument === true) throw unavailable;
        return { name, consultation: sampleConsultation(), etag: `"${name}"` };
      }),
  };
  return { ports: { events: events as MeetingEventPort, documents: documents as ConsultationDocumentPort }, log };
}

function memoryOf(initial: Record<string, string>, keeps = true): DocumentMemory & { readonly kept: Record<string, string> } {
  const kept = { ...initial };
  return {
    kept,
    recall: (id) => kept[id] ?? null,
    remember: (id, name) => {
      if (keeps) kept[id] = name;
      return Promise.resolve(keeps);
    },
  };
}

describe('loadOrganiserView', () => {
  it('reads event and document at the same time when the document is remembered (one round trip)', async () => {
    const { ports, log } = recordingPorts();
    const view = await loadOrganiserView(ports, memoryOf({ 'event-1': 'samrad-1' }), 'event-1');
    expect(log).toEqual(['start event event-1 (1 running)', 'start document samrad-1 (2 running)']);
    expect(view.document?.name).toBe('samrad-1');
  });

  it('reads the event first on the first opening, then the document, and remembers it', async () => {
    const { ports, log } = recordingPorts();
    const memory = memoryOf({});
    const view = await loadOrganiserView(ports, memory, 'event-1');
    expect(log).toEqual(['start event event-1 (1 running)', 'start document samrad-1 (1 running)']);
    expect(view.document?.name).toBe('samrad-1');
    expect(memory.kept).toEqual({ 'event-1': 'samrad-1' });
  });

  it('follows the link when the remembered name is stale, and corrects the memory', async () => {
    const { ports, log } = recordingPorts({ event: { ...EVENT, link: { documentName: 'samrad-2' } } });
    const memory = memoryOf({ 'event-1': 'samrad-1' });
    const view = await loadOrganiserView(ports, memory, 'event-1');
    expect(log.at(-1)).toBe('start document samrad-2 (1 running)');
    expect(view.document?.name).toBe('samrad-2');
    expect(memory.kept['event-1']).toBe('samrad-2');
  });

  it('ignores a failed read of a stale guess', async () => {
    const event = { ...EVENT, link: null };
    const { ports } = recordingPorts({ event, failDocument: true });
    const view = await loadOrganiserView(ports, memoryOf({ 'event-1': 'samrad-old' }), 'event-1');
    expect(view).toEqual({ event, document: null });
  });

  it('fails with the document’s error when the remembered name was right', async () => {
    const { ports } = recordingPorts({ failDocument: true });
    await expect(loadOrganiserView(ports, memoryOf({ 'event-1': 'samrad-1' }), 'event-1')).rejects.toBe(unavailable);
  });

  it('still shows the consultation when the host cannot remember', async () => {
    const { ports } = recordingPorts();
    const view = await loadOrganiserView(ports, memoryOf({}, false), 'event-1');
    expect(view.document?.name).toBe('samrad-1');
  });
});
