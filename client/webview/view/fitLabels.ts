// Labels on the time axis are either whole or absent: a segment too narrow for its
// label takes a shorter form of it, or none (the tooltip and the label column still
// say it), never a cut "Cont…". Time tick labels that would run past the end of the
// axis sit on the other side of their tick line.

/** The texts a segment may show, longest first. */
const candidates = new WeakMap<HTMLElement, readonly string[]>();

/** Shorter forms of a label: `CrashLoopBackOff · 1 restart` -> `CrashLoopBackOff`; `Error (exit 1)` -> `Error`. */
export function labelForms(label: string): string[] {
  const forms = [label];
  const add = (form: string): void => {
    const trimmed = form.trim();
    if (trimmed.length > 0 && !forms.includes(trimmed)) forms.push(trimmed);
  };
  add(label.split(' · ')[0]);
  add(label.split(' (')[0]);
  add(label.split(': ')[0]);
  return forms;
}

export function setLabelForms(label: HTMLElement, forms: readonly string[]): void {
  candidates.set(label, forms);
}

let context: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string, font: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return Number.POSITIVE_INFINITY;
  context.font = font;
  return context.measureText(text).width;
}

function fitSegments(root: HTMLElement): void {
  const labels = [...root.querySelectorAll<HTMLElement>('.segment-label')];
  // Read every size first, then write: one layout for the whole timeline.
  const sizes = labels.map((label) => {
    const style = getComputedStyle(label);
    const box = label.parentElement!;
    const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { room, font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}` };
  });
  labels.forEach((label, i) => {
    const { room, font } = sizes[i];
    const forms = candidates.get(label) ?? [];
    const fit = forms.find((form) => textWidth(form, font) <= room - 1) ?? '';
    if (label.textContent !== fit) label.textContent = fit;
  });
}

function fitTicks(root: HTMLElement): void {
  const ticks = [...root.querySelectorAll<HTMLElement>('.tick')];
  const overflowing = ticks.map((tick) => {
    const label = tick.querySelector<HTMLElement>('.tick-label');
    const track = tick.parentElement;
    if (!label || !track) return false;
    return tick.offsetLeft + label.offsetWidth + 4 > track.clientWidth;
  });
  ticks.forEach((tick, i) => tick.classList.toggle('tick-end', overflowing[i]));
}

export function fitLabels(root: HTMLElement): void {
  fitTicks(root);
  fitSegments(root);
}
