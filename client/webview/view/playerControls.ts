// Play / pause, step between changes, speed, and the playhead slider.
import { h, icon, setText } from '../dom';
import { formatClock, formatSpokenTime } from '../format';
import { SPEEDS } from '../playback';

const ICONS = {
  start: 'M8 2.5v11L1.5 8zM14.5 2.5v11L8 8z',
  previous: 'M13.5 2.5v11L5.5 8zM2.5 2.5H5v11H2.5z',
  play: 'M4 2.5v11L13 8z',
  pause: 'M3.5 2.5h3.25v11H3.5zM9.25 2.5h3.25v11H9.25z',
  next: 'M2.5 2.5v11l8-5.5zM11 2.5h2.5v11H11z',
};

export interface PlayerCallbacks {
  togglePlay(): void;
  previous(): void;
  next(): void;
  restart(): void;
  setSpeed(speed: number): void;
  seek(time: number): void;
}

export class PlayerControls {
  readonly element: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly playIcon: SVGSVGElement;
  private readonly pauseIcon: SVGSVGElement;
  private readonly playText: HTMLSpanElement;
  private readonly slider: HTMLInputElement;
  private readonly clock: HTMLSpanElement;
  private readonly speed: HTMLSelectElement;

  constructor(end: number, speed: number, callbacks: PlayerCallbacks) {
    const button = (id: string, label: string, path: string, text: string, action: () => void, keyHint?: string): HTMLButtonElement => {
      const b = h('button', { id, className: 'control', attrs: { type: 'button', title: keyHint ? `${label} (${keyHint})` : label } }, icon(path), h('span', { className: 'control-text' }, text));
      b.addEventListener('click', action);
      return b;
    };
    this.playIcon = icon(ICONS.play);
    this.pauseIcon = icon(ICONS.pause);
    this.playText = h('span', { className: 'control-text' }, 'Play');
    this.playButton = h('button', { id: 'play', className: 'control primary', attrs: { type: 'button', title: 'Play or pause (Space)' } }, this.playIcon, this.pauseIcon, this.playText);
    this.playButton.addEventListener('click', callbacks.togglePlay);

    this.speed = h('select', { id: 'speed' }, ...SPEEDS.map((s) => h('option', { attrs: { value: s, selected: s === speed } }, `${s}×`)));
    this.speed.value = String(speed);
    this.speed.addEventListener('change', () => callbacks.setSpeed(Number(this.speed.value)));

    this.slider = h('input', { id: 'time', attrs: { type: 'range', min: 0, max: end, step: 'any', value: 0 } });
    this.slider.addEventListener('input', () => callbacks.seek(this.slider.valueAsNumber));

    this.clock = h('span', { className: 'clock', attrs: { 'aria-hidden': 'true' } });

    this.element = h(
      'section',
      { className: 'player', attrs: { 'aria-label': 'Playback' } },
      h(
        'div',
        { className: 'player-buttons' },
        button('restart', 'Back to the start', ICONS.start, 'Start', callbacks.restart),
        button('previous', 'Previous change', ICONS.previous, 'Previous', callbacks.previous, 'Left arrow'),
        this.playButton,
        button('next', 'Next change', ICONS.next, 'Next', callbacks.next, 'Right arrow'),
        h('label', { className: 'speed', attrs: { for: 'speed' } }, 'Speed'),
        this.speed,
      ),
      h('div', { className: 'player-slider' }, h('label', { attrs: { for: 'time' } }, 'Time'), this.slider, this.clock),
    );
  }

  update(time: number, end: number, playing: boolean): void {
    this.playIcon.style.display = playing ? 'none' : '';
    this.pauseIcon.style.display = playing ? '' : 'none';
    setText(this.playText, playing ? 'Pause' : 'Play');
    if (document.activeElement !== this.slider || playing) this.slider.value = String(time);
    this.slider.setAttribute('aria-valuetext', `${formatSpokenTime(time)} of ${formatSpokenTime(end)}`);
    setText(this.clock, `${formatClock(time, true)} / ${formatClock(end)}`);
  }
}
