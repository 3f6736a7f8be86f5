/**
 * The ways the fuzz tests damage a text (an invitation, a mail body): lines deleted, doubled, swapped or
 * shuffled, text inserted or cut, headings forced in, line endings changed, blank lines dropped, lines trimmed,
 * and one line made very long. Deterministic, so a failing case replays from fast-check's seed.
 */
export type TextMutation =
  | { readonly kind: 'deleteLine' | 'duplicateLine'; readonly at: number }
  | { readonly kind: 'swapLines'; readonly a: number; readonly b: number }
  | { readonly kind: 'shuffleLines'; readonly seed: number }
  | { readonly kind: 'insertText'; readonly at: number; readonly text: string }
  | { readonly kind: 'deleteText'; readonly at: number; readonly length: number }
  | { readonly kind: 'replaceWithHeading'; readonly at: number; readonly heading: string }
  | { readonly kind: 'lineEndings'; readonly ending: string }
  | { readonly kind: 'stripBlankLines' | 'trimLines' }
  | { readonly kind: 'longLine'; readonly at: number; readonly fragment: string; readonly times: number };

/** A small deterministic shuffle, so that a failing case replays from its seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function mutateText(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const line = (at: number): number => at % Math.max(1, lines.length);
  switch (m.kind) {
    case 'deleteLine':
      return lines.filter((_, i) => i !== line(m.at)).join('\n');
    case 'duplicateLine':
      return lines.flatMap((l, i) => (i === line(m.at) ? [l, l] : [l])).join('\n');
    case 'swapLines': {
      const [a, b] = [line(m.a), line(m.b)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'shuffleLines':
      return shuffled(lines, m.seed).join('\n');
    case 'insertText': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'deleteText': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'replaceWithHeading':
      lines[line(m.at)] = m.heading;
      return lines.join('\n');
    case 'lineEndings':
      return text.replace(/\r?\n/g, m.ending);
    case 'stripBlankLines':
      return lines.filter((l) => l.trim() !== '').join('\n');
    case 'trimLines':
      return lines.map((l) => l.trim()).join('\n');
    case 'longLine':
      lines[line(m.at)] = `${lines[line(m.at)] ?? ''} ${m.fragment.repeat(m.times)}`;
      return lines.join('\n');
  }
}
