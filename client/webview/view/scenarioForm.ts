// The scenario form: how the processes behave, which the manifest cannot say.
import { h } from '../dom';
import {
  CONTAINER_BOOLEAN_KNOBS,
  CONTAINER_NUMBER_KNOBS,
  CONTAINER_TEXT_KNOBS,
  DEPLOYMENT_KNOBS,
  DEPLOYMENT_TEXT_KNOBS,
  POD_KNOBS,
  POD_TEXT_KNOBS,
  readScenario,
  textOf,
  type BooleanKnob,
  type ContainerScenario,
  type NumberKnob,
  type Scenario,
  type TextKnob,
} from '../scenario';
import type { ContainerInfo } from '../viewModel';

interface NumberField {
  knob: NumberKnob<string>;
  input: HTMLInputElement;
}

interface TextField {
  knob: TextKnob<string>;
  input: HTMLInputElement;
}

interface ContainerFields {
  name: string;
  details: HTMLDetailsElement;
  numbers: NumberField[];
  texts: TextField[];
  booleans: { knob: BooleanKnob<keyof ContainerScenario>; input: HTMLInputElement }[];
}

let fieldCounter = 0;

function numberInput(knob: NumberKnob<string>): { row: HTMLElement; field: NumberField } {
  const id = `knob-${++fieldCounter}`;
  const input = h('input', {
    id,
    attrs: { type: 'number', min: knob.min, max: knob.max, step: knob.integer ? 1 : 'any', inputmode: knob.integer ? 'numeric' : 'decimal', placeholder: '—', title: knob.hint },
  });
  const row = h('div', { className: 'field' }, h('label', { attrs: { for: id, title: knob.hint } }, knob.label), input);
  return { row, field: { knob, input } };
}

function textInput(knob: TextKnob<string>): { row: HTMLElement; field: TextField } {
  const id = `knob-${++fieldCounter}`;
  const input = h('input', { id, attrs: { type: 'text', spellcheck: 'false', autocomplete: 'off', placeholder: '—', title: knob.hint } });
  const row = h('div', { className: 'field text' }, h('label', { attrs: { for: id, title: knob.hint } }, knob.label), input);
  return { row, field: { knob, input } };
}

export class ScenarioForm {
  readonly element: HTMLElement;
  /** Which manifest shape the form was built for; rebuilt only when that changes. */
  readonly shape: string;
  private readonly podFields: NumberField[] = [];
  private readonly textFields: TextField[] = [];
  private readonly containerFields: ContainerFields[] = [];

  static shapeOf(kind: string, containers: readonly ContainerInfo[]): string {
    return JSON.stringify([kind, containers]);
  }

  constructor(kind: string, containers: readonly ContainerInfo[], onChange: (scenario: Scenario) => void) {
    this.shape = ScenarioForm.shapeOf(kind, containers);
    const form = h('form', { className: 'scenario-form', attrs: { 'aria-labelledby': 'scenario-heading' } });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      onChange(this.read());
    });
    form.addEventListener('change', () => onChange(this.read()));

    const podKnobs = kind === 'Deployment' ? [...DEPLOYMENT_KNOBS, ...POD_KNOBS] : POD_KNOBS;
    const podSet = h('fieldset', {}, h('legend', {}, kind === 'Pod' ? 'Pod' : `${kind} and its pods`));
    for (const knob of podKnobs) {
      const { row, field } = numberInput(knob);
      this.podFields.push(field);
      podSet.appendChild(row);
    }
    const textKnobs = kind === 'Deployment' ? [...DEPLOYMENT_TEXT_KNOBS, ...POD_TEXT_KNOBS] : POD_TEXT_KNOBS;
    for (const knob of textKnobs) {
      const { row, field } = textInput(knob);
      this.textFields.push(field);
      podSet.appendChild(row);
    }
    form.appendChild(podSet);

    for (const container of containers) {
      const set = h('fieldset', { className: 'container-fields' }, h('legend', { className: 'visually-hidden' }, `Container ${container.name}`));
      const details = h(
        'details',
        { className: 'container-details' },
        h('summary', {}, h('span', { className: 'lane-name' }, container.name), ' ', h('span', { className: `badge badge-${container.role}` }, container.role)),
        set,
      );
      const fields: ContainerFields = { name: container.name, details, numbers: [], texts: [], booleans: [] };
      for (const knob of CONTAINER_NUMBER_KNOBS) {
        const { row, field } = numberInput(knob);
        fields.numbers.push(field);
        set.appendChild(row);
      }
      for (const knob of CONTAINER_TEXT_KNOBS) {
        const { row, field } = textInput(knob);
        fields.texts.push(field);
        set.appendChild(row);
      }
      for (const knob of CONTAINER_BOOLEAN_KNOBS) {
        const id = `knob-${++fieldCounter}`;
        const input = h('input', { id, attrs: { type: 'checkbox', title: knob.hint } });
        fields.booleans.push({ knob, input });
        set.appendChild(h('div', { className: 'field checkbox' }, input, h('label', { attrs: { for: id, title: knob.hint } }, knob.label)));
      }
      this.containerFields.push(fields);
      form.appendChild(details);
    }
    const firstApp = this.containerFields[containers.findIndex((c) => c.role === 'app')];
    if (firstApp) firstApp.details.open = true;

    const apply = h('button', { className: 'control primary', attrs: { type: 'submit' } }, 'Apply');
    const reset = h('button', { className: 'control', attrs: { type: 'button' } }, 'Reset scenario');
    reset.addEventListener('click', () => {
      this.set({});
      onChange({});
    });
    form.appendChild(h('div', { className: 'form-buttons' }, apply, reset));

    this.element = h(
      'section',
      { className: 'scenario', attrs: { 'aria-labelledby': 'scenario-heading' } },
      h('h2', { id: 'scenario-heading' }, 'Scenario'),
      h('p', { className: 'hint' }, 'What the manifest cannot say: how the processes behave. Times are seconds after the pod (or the container) starts; empty fields keep the defaults.'),
      form,
    );
  }

  read(): Scenario {
    const raw: Record<string, unknown> = {};
    for (const { knob, input } of this.podFields) if (input.value !== '') raw[knob.key] = input.valueAsNumber;
    for (const { knob, input } of this.textFields) if (input.value.trim() !== '') raw[knob.key] = input.value;
    const containers: [string, Record<string, unknown>][] = [];
    for (const c of this.containerFields) {
      const values: Record<string, unknown> = {};
      for (const { knob, input } of c.numbers) if (input.value !== '') values[knob.key] = input.valueAsNumber;
      for (const { knob, input } of c.texts) if (input.value.trim() !== '') values[knob.key] = input.value;
      for (const { knob, input } of c.booleans) if (input.checked) values[knob.key] = true;
      containers.push([c.name, values]);
    }
    raw.containers = Object.fromEntries(containers);
    return readScenario(raw);
  }

  /** Shows `scenario`, leaving alone the field being edited. */
  set(scenario: Scenario): void {
    const show = (input: HTMLInputElement, value: unknown): void => {
      if (document.activeElement !== input) input.value = textOf(value);
    };
    const record = scenario as Record<string, unknown>;
    for (const { knob, input } of this.podFields) show(input, record[knob.key]);
    for (const { knob, input } of this.textFields) show(input, record[knob.key]);
    for (const c of this.containerFields) {
      const values: Record<string, unknown> = scenario.containers && Object.hasOwn(scenario.containers, c.name) ? { ...scenario.containers[c.name] } : {};
      for (const { knob, input } of c.numbers) show(input, values[knob.key]);
      for (const { knob, input } of c.texts) show(input, values[knob.key]);
      for (const { knob, input } of c.booleans) input.checked = values[knob.key] === true;
      if (Object.keys(values).length > 0) c.details.open = true;
    }
  }
}
