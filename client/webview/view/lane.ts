// One row of the timeline: a label column (name, role, state at the playhead)
// and a track of coloured segments along the time axis.
import { formatClock } from '../format';
import { h, placeOnAxis, setWrappableText, type Child } from '../dom';
import { segmentAt, type Segment } from '../segments';
import { labelForms, setLabelForms } from './fitLabels';

export interface Lane {
  element: HTMLElement;
  /** Shows the state at `time` in the label column. */
  update(time: number): void;
}

export function segmentTitle(segment: Segment): string {
  return `${segment.detail} (${formatClock(segment.from)} – ${formatClock(segment.to)})`;
}

export function buildTrack(segments: readonly Segment[], end: number): HTMLElement {
  const track = h('div', { className: 'track', attrs: { 'aria-hidden': 'true' } });
  for (const segment of segments) {
    // The label is drawn by fitLabels once the track has a width: whole, shorter, or none.
    const label = h('span', { className: 'segment-label' });
    setLabelForms(label, segment.short === undefined ? labelForms(segment.label) : [...labelForms(segment.label), segment.short]);
    const element = h('div', { className: `segment tone-${segment.tone}`, attrs: { title: segmentTitle(segment) } }, label);
    placeOnAxis(element, segment.from, segment.to, end);
    track.appendChild(element);
  }
  return track;
}

export function buildLane(options: {
  name: Child;
  badge?: string;
  segments: readonly Segment[];
  end: number;
  className?: string;
  /** Text when nothing covers the playhead (the object does not exist then): one text, or one before and one after it existed. */
  absent?: string | { before: string; after: string };
}): Lane {
  const now = h('span', { className: 'lane-now' });
  const label = h(
    'div',
    { className: 'lane-label' },
    h('span', { className: 'lane-title' }, h('span', { className: 'lane-name' }, options.name), options.badge ? h('span', { className: `badge badge-${options.badge}` }, options.badge) : null),
    now,
  );
  const element = h('div', { className: `lane ${options.className ?? ''}`.trim() }, label, buildTrack(options.segments, options.end));
  const absent = options.absent ?? '—';
  const absentAt = (time: number): string => {
    if (typeof absent === 'string') return absent;
    return options.segments.length === 0 || time < options.segments[0].from ? absent.before : absent.after;
  };
  return {
    element,
    update(time: number): void {
      // The axis end is a moment like any other: show the state that lasts to it.
      const segment = segmentAt(options.segments, Math.min(time, options.end - 1e-6));
      setWrappableText(now, segment ? segment.label : absentAt(time));
      element.classList.toggle('absent', !segment);
    },
  };
}
