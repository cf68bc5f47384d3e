// The page: keeps the playhead, draws the views for a result, and talks to the host.
import { clear, h, setText } from './dom';
import { formatClock } from './format';
import { defaultSpeed, isSpeed, Playback } from './playback';
import type { HostMessage, PanelState, ResourceChoice, SavedState } from './protocol';
import type { Scenario } from './scenario';
import { frameSummary } from './summary';
import { frameAt, nextChange, previousChange } from './timeline';
import { buildViewModel, type ViewModel } from './viewModel';
import type { VsCodeApi } from './vscodeApi';
import { emptyState } from './view/emptyState';
import { CompactView } from './view/compactView';
import { refusalView } from './view/refusal';
import { EventsTable } from './view/eventsTable';
import { PlayerControls } from './view/playerControls';
import { ScenarioForm } from './view/scenarioForm';
import { JobsTable, PodsTable, ReplicaSetsTable } from './view/statusTables';
import { DeploymentTable, ServicesTable } from './view/workloadTables';
import { podButtonId, TimelineView } from './view/timelineView';

interface Views {
  player: PlayerControls;
  timeline?: TimelineView;
  compact?: CompactView;
  events: EventsTable;
  pods: PodsTable;
  replicaSets: ReplicaSetsTable | undefined;
  jobs: JobsTable | undefined;
  deployment: DeploymentTable | undefined;
  services: ServicesTable | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Elements that use the arrow keys and Space themselves. */
const OWNS_KEYS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Elements that Space activates; arrow keys still step the timeline there. */
const ACTIVATED_BY_SPACE = new Set(['BUTTON', 'SUMMARY', 'A']);

export class App {
  private model: ViewModel | undefined;
  private panelState: PanelState | undefined;
  private identity: string | undefined;
  private readonly playback = new Playback(10, 1);
  private speedChosen = false;
  private selectedPod: string | undefined;
  private restoredTime: number | undefined;
  private views: Views | undefined;
  private form: ScenarioForm | undefined;
  private frameRequest: number | undefined;
  private lastTick: number | undefined;
  /** The status line, redrawn with the playhead. */
  private readonly status: HTMLElement;
  /** What screen readers hear: the status when it says something new, not every tick of the clock. */
  private readonly live: HTMLElement;
  private lastAnnounced = '';
  private conditionsOpen = false;
  /** Compact mode: kubectl's text instead of the timeline. */
  private compact = false;
  private shown: { resources: ResourceChoice[]; documentName: string } | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
  ) {
    const saved = api.getState();
    if (isRecord(saved) && isRecord(saved.view)) {
      const { time, speed, pod, compact } = saved.view;
      if (compact === true) this.compact = true;
      if (typeof time === 'number' && Number.isFinite(time)) this.restoredTime = time;
      if (isSpeed(speed)) {
        this.playback.speed = speed;
        this.speedChosen = true;
      }
      if (typeof pod === 'string') this.selectedPod = pod;
    }
    if (isRecord(saved) && isRecord(saved.panel)) {
      // Keep the host's restore data even before the first answer arrives.
      this.panelState = saved.panel as unknown as PanelState;
    }
    this.status = h('p', { id: 'status', className: 'status' });
    this.live = h('p', { id: 'announce', className: 'visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
    window.addEventListener('message', (event: MessageEvent<unknown>) => this.onHostMessage(event.data));
    document.addEventListener('keydown', (event) => this.onKey(event));
    api.postMessage({ type: 'ready' });
  }

  private onHostMessage(data: unknown): void {
    if (!isRecord(data)) return;
    const message = data as unknown as HostMessage;
    try {
      if (message.type === 'show') this.show(message.state, message.result, message.resources, message.documentName);
      else if (message.type === 'empty') this.showEmpty(message.message, message.detail, message.state);
    } catch (error) {
      this.showEmpty('The preview could not draw this simulation.', error instanceof Error ? error.message : String(error), undefined);
    }
  }

  private save(): void {
    const state: SavedState = { view: { time: this.playback.time, speed: this.playback.speed } };
    if (this.panelState) state.panel = this.panelState;
    if (this.selectedPod !== undefined) state.view!.pod = this.selectedPod;
    if (this.compact) state.view!.compact = true;
    this.api.setState(state);
  }

  private showEmpty(message: string, detail: string | undefined, state: PanelState | undefined): void {
    this.stop();
    this.views?.timeline?.dispose();
    this.model = undefined;
    this.views = undefined;
    this.form = undefined;
    this.identity = undefined;
    if (state) this.panelState = state;
    clear(this.root);
    this.root.appendChild(emptyState(message, detail));
    this.root.removeAttribute('aria-busy');
    this.save();
  }

  private show(state: PanelState, result: ViewModel['result'], resources: ResourceChoice[], documentName: string): void {
    const identity = JSON.stringify([state.uri, state.resourceIndex ?? null, result.resource.kind, result.resource.name]);
    const model = buildViewModel(result);
    const sameResource = identity === this.identity;
    this.identity = identity;
    this.model = model;
    this.panelState = state;
    // A new resource opens on its final state (the whole story, every event listed); Play
    // replays it from the start. An edit keeps the playhead, or keeps it at the end.
    const wasAtEnd = this.playback.time >= this.playback.end;
    this.playback.end = model.end;
    if (!sameResource) {
      this.stop();
      this.playback.seek(this.restoredTime ?? model.end);
      this.restoredTime = undefined;
      if (!this.speedChosen) this.playback.speed = defaultSpeed(model.end);
    } else {
      this.playback.seek(wasAtEnd && !this.playback.playing ? model.end : this.playback.time);
    }
    if (!model.pods.some((p) => p.name === this.selectedPod)) this.selectedPod = undefined;
    if (result.refused) this.renderRefused(result.refused, resources, documentName);
    else this.render(state.scenario, resources, documentName);
    this.save();
  }

  private render(scenario: Scenario, resources: ResourceChoice[], documentName: string): void {
    const model = this.model!;
    const { kind } = model.result.resource;
    this.shown = { resources, documentName };
    const focusedId = document.activeElement instanceof HTMLElement && this.root.contains(document.activeElement) ? document.activeElement.id : '';

    const shape = ScenarioForm.shapeOf(kind, model.containers);
    if (!this.form || this.form.shape !== shape) {
      this.form = new ScenarioForm(kind, model.containers, (s) => this.api.postMessage({ type: 'scenario', scenario: s }));
    }
    this.form.set(scenario);

    const player = new PlayerControls(model.end, this.playback.speed, {
      togglePlay: () => this.togglePlay(),
      previous: () => this.step(-1),
      next: () => this.step(1),
      restart: () => this.seek(0),
      setSpeed: (speed) => {
        if (!isSpeed(speed)) return;
        this.playback.speed = speed;
        this.speedChosen = true;
        this.save();
      },
      seek: (time) => this.seek(time),
    });
    this.views?.timeline?.dispose();
    const { timeline, compact } = this.buildStory(model);
    const events = new EventsTable(model.eventRows, model.result.events);
    const pods = new PodsTable(model.pods);
    const replicaSets = model.replicaSetLanes.length > 0 ? new ReplicaSetsTable() : undefined;
    const jobs = model.jobLanes.length > 0 ? new JobsTable() : undefined;
    const deployment = model.deployment ? new DeploymentTable(model.deployment.name) : undefined;
    const services = model.serviceLanes.length > 0 ? new ServicesTable() : undefined;

    // Only the scenario form survives a re-render, so a field being edited keeps its focus.
    const formSlot = this.form.element;
    if (formSlot.parentElement) formSlot.parentElement.removeChild(formSlot);
    const main = h(
      'div',
      { className: 'main' },
      timeline?.element ?? compact?.element,
      h('section', { className: 'now', attrs: { 'aria-labelledby': 'now-heading' } }, h('h2', { id: 'now-heading' }, 'At the playhead'), jobs?.element, deployment?.element, pods.element, replicaSets?.element, services?.element),
      events.element,
    );
    const layout = h('div', { className: 'layout' }, main, h('aside', { className: 'side' }, formSlot));
    const children = Array.from(this.root.childNodes).filter((n) => n !== formSlot);
    for (const child of children) this.root.removeChild(child);
    this.root.append(this.header(), player.element, this.status, this.live, layout);
    this.root.removeAttribute('aria-busy');
    this.views = { player, timeline, compact, events, pods, replicaSets, jobs, deployment, services };
    timeline?.fit();
    this.updateTime(false);
    if (focusedId) document.getElementById(focusedId)?.focus();
  }

  /** A refused resource: its errors, the header, and the events (the NotSimulated warning); no player, no form. */
  private renderRefused(refused: NonNullable<ViewModel['result']['refused']>, resources: ResourceChoice[], documentName: string): void {
    const model = this.model!;
    this.stop();
    this.shown = { resources, documentName };
    this.views?.timeline?.dispose();
    this.views = undefined;
    this.form = undefined;
    const { kind, name } = model.result.resource;
    const events = new EventsTable(model.eventRows, model.result.events);
    clear(this.root);
    this.root.append(this.header(false), refusalView(kind, name, refused, (range) => this.api.postMessage({ type: 'reveal', range })), events.element);
    events.update(0, false);
    this.root.removeAttribute('aria-busy');
  }

  /** Redraws the current result (another pod in detail, the other view). */
  private rerender(): void {
    if (this.shown) this.render(this.panelState?.scenario ?? {}, this.shown.resources, this.shown.documentName);
    this.save();
  }

  private selectPod(pod: string): void {
    this.selectedPod = pod;
    this.rerender();
  }

  /** The timeline, or in compact mode what kubectl would print. */
  private buildStory(model: ViewModel): { timeline?: TimelineView; compact?: CompactView } {
    const selected = model.pods.find((p) => p.name === this.selectedPod) ?? model.pods[0];
    if (this.compact) {
      return { compact: new CompactView(model.result.frames, model.eventRows, model.pods.map((p) => p.name), selected?.name, (pod) => this.selectPod(pod)) };
    }
    const timeline = new TimelineView(model, this.selectedPod, this.conditionsOpen, {
      seek: (time) => this.seek(time),
      toggleConditions: (open) => {
        this.conditionsOpen = open;
      },
      selectPod: (pod) => {
        this.selectPod(pod);
        document.getElementById(podButtonId(model.pods.findIndex((p) => p.name === pod)))?.focus();
      },
    });
    return { timeline };
  }

  private header(withViewToggle = true): HTMLElement {
    const { kind, name } = this.model!.result.resource;
    const { resources, documentName } = this.shown!;
    const toggle = h(
      'button',
      { id: 'compact-toggle', className: 'control', attrs: { type: 'button', 'aria-pressed': this.compact ? 'true' : 'false', title: 'Show what `kubectl get pods -w` and `kubectl describe pod` would print, instead of the timeline' } },
      'kubectl view',
    );
    toggle.addEventListener('click', () => {
      this.compact = !this.compact;
      this.rerender();
      document.getElementById('compact-toggle')?.focus();
    });
    return h(
      'header',
      { className: 'header' },
      h('div', { className: 'title' }, h('h1', {}, h('span', { className: 'kind' }, kind), h('span', { className: 'name' }, name)), h('span', { className: 'file' }, documentName)),
      h(
        'div',
        { className: 'header-controls' },
        resources.length > 1 ? resourcePicker(resources, this.panelState?.resourceIndex, (index) => this.api.postMessage({ type: 'selectResource', index })) : null,
        withViewToggle ? toggle : null,
      ),
    );
  }

  private updateTime(follow: boolean): void {
    const views = this.views;
    const model = this.model;
    if (!views || !model) return;
    const time = this.playback.time;
    views.player.update(time, model.end, this.playback.playing);
    views.timeline?.update(time);
    views.compact?.update(time);
    views.events.update(time, follow);
    const frame = frameAt(model.result.frames, time);
    views.pods.update(frame, time);
    views.replicaSets?.update(frame);
    views.jobs?.update(frame);
    views.deployment?.update(frame);
    views.services?.update(frame);
    const summary = frameSummary(model.result.resource.kind, frame);
    const line = `At ${formatClock(time)}: ${summary}`;
    setText(this.status, line);
    if (summary !== this.lastAnnounced || !this.playback.playing) {
      this.lastAnnounced = summary;
      setText(this.live, line);
    }
  }

  private seek(time: number): void {
    this.playback.seek(time);
    this.updateTime(true);
    this.save();
  }

  private step(direction: 1 | -1): void {
    if (!this.model) return;
    this.playback.pause();
    const target = direction > 0 ? nextChange(this.model.changes, this.playback.time) ?? this.model.end : previousChange(this.model.changes, this.playback.time);
    this.seek(target);
  }

  private togglePlay(): void {
    if (!this.model) return;
    this.playback.toggle();
    if (this.playback.playing) this.startLoop();
    else this.stop();
    this.updateTime(false);
    this.save();
  }

  private startLoop(): void {
    this.lastTick = undefined;
    const tick = (now: number): void => {
      if (!this.playback.playing) {
        this.frameRequest = undefined;
        return;
      }
      if (this.lastTick !== undefined) this.playback.advance(Math.min(0.25, (now - this.lastTick) / 1000));
      this.lastTick = now;
      this.updateTime(true);
      if (this.playback.playing) this.frameRequest = requestAnimationFrame(tick);
      else {
        this.frameRequest = undefined;
        this.save();
      }
    };
    this.frameRequest = requestAnimationFrame(tick);
  }

  private stop(): void {
    this.playback.pause();
    if (this.frameRequest !== undefined) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = undefined;
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.model || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof HTMLElement ? event.target : undefined;
    if (target && (OWNS_KEYS.has(target.tagName) || target.isContentEditable)) return;
    if (event.key === ' ') {
      if (target && ACTIVATED_BY_SPACE.has(target.tagName)) return;
      event.preventDefault();
      this.togglePlay();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      this.step(1);
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      this.step(-1);
    }
  }
}


function resourcePicker(resources: ResourceChoice[], current: number | undefined, select: (index: number) => void): HTMLElement {
  const picker = h(
    'select',
    { id: 'resource' },
    ...resources.map((r) => h('option', { attrs: { value: r.index, selected: r.index === current } }, `${r.kind}/${r.name}`)),
  );
  if (current !== undefined) picker.value = String(current);
  picker.addEventListener('change', () => {
    const index = Number(picker.value);
    if (Number.isInteger(index)) select(index);
  });
  return h('div', { className: 'resource-picker' }, h('label', { attrs: { for: 'resource' } }, 'Resource'), picker);
}
