// The events table: `kubectl get events` as it would read at the playhead.
import { h, setText, wrappable } from '../dom';
import { formatClock } from '../format';
import { lastSeenText, latestEventTime, occurrencesAt, type EventRow } from '../eventRows';
import type { SimulatedEvent } from '../simulationResult';
import { EPSILON } from '../timeline';

const COLUMNS = ['TIME', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];

interface RenderedRow {
  row: EventRow;
  element: HTMLTableRowElement;
  time: HTMLTableCellElement;
  lastSeen: HTMLTableCellElement;
}

export class EventsTable {
  readonly element: HTMLElement;
  private readonly rendered: RenderedRow[];
  private readonly caption: HTMLTableCaptionElement;
  private readonly emptyRow: HTMLTableRowElement;
  private readonly scroller: HTMLElement;

  constructor(
    rows: readonly EventRow[],
    private readonly events: readonly SimulatedEvent[],
  ) {
    this.caption = h('caption', {}, 'Events');
    const head = h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => h('th', { attrs: { scope: 'col' } }, c))));
    const body = h('tbody', {});
    this.rendered = rows.map((row) => {
      const time = h('td', { className: 'time' });
      const lastSeen = h('td', { className: 'last-seen' });
      const element = h(
        'tr',
        { className: row.type === 'Warning' ? 'warning' : 'normal' },
        time,
        lastSeen,
        h('td', { className: 'type' }, row.type),
        h('td', { className: 'reason' }, row.reason),
        h('td', { className: 'object' }, ...wrappable(row.object)),
        h('td', { className: 'message' }, row.message),
      );
      element.hidden = true;
      body.appendChild(element);
      return { row, element, time, lastSeen };
    });
    this.emptyRow = h('tr', { className: 'no-events' }, h('td', { attrs: { colspan: COLUMNS.length } }, 'No events yet at this time.'));
    body.appendChild(this.emptyRow);
    this.scroller = h('div', { className: 'table-scroll', attrs: { tabindex: 0, role: 'region', 'aria-labelledby': 'events-heading' } }, h('table', { id: 'events' }, this.caption, head, body));
    this.element = h('section', { className: 'events', attrs: { 'aria-labelledby': 'events-heading' } }, h('h2', { id: 'events-heading' }, 'Events'), this.scroller);
  }

  /** Shows the rows at or before `time`; highlights those of the latest event; `follow` scrolls to them. */
  update(time: number, follow: boolean): void {
    setText(this.caption, `kubectl get events, at ${formatClock(time)}`);
    const latest = latestEventTime(this.events, time);
    let visible = 0;
    let firstCurrent: HTMLTableRowElement | undefined;
    for (const r of this.rendered) {
      const at = occurrencesAt(r.row, time);
      const shown = at.count > 0;
      const current = shown && latest !== undefined && Math.abs(at.last - latest) <= EPSILON;
      if (r.element.hidden === shown) r.element.hidden = !shown;
      r.element.classList.toggle('current', current);
      if (!shown) {
        r.element.removeAttribute('aria-current');
        continue;
      }
      visible++;
      setText(r.time, formatClock(at.last));
      setText(r.lastSeen, lastSeenText(at, time));
      if (current) {
        r.element.setAttribute('aria-current', 'true');
        firstCurrent ??= r.element;
      } else {
        r.element.removeAttribute('aria-current');
      }
    }
    this.emptyRow.hidden = visible > 0;
    if (follow && firstCurrent) this.scrollWithinTable(firstCurrent);
  }

  /** Brings a row into the table's own scroll area without scrolling the page. */
  private scrollWithinTable(row: HTMLElement): void {
    const area = this.scroller.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    const header = this.scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    if (box.top < area.top + header) this.scroller.scrollTop -= area.top + header - box.top;
    else if (box.bottom > area.bottom) this.scroller.scrollTop += box.bottom - area.bottom;
  }
}
