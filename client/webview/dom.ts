// The only way the page makes DOM: elements with attributes set one by one and
// text as text nodes. Nothing is ever parsed as HTML, so manifest strings
// (names, images, messages) stay text whatever they contain.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  id?: string;
  className?: string;
  /** Plain attributes; never event handlers, `href` or `src` (checked below). */
  attrs?: Record<string, string | number | boolean | undefined>;
}

const FORBIDDEN_ATTRIBUTE = /^(on|href$|src$|srcdoc$|action$|formaction$|style$)/i;

export function setAttribute(element: Element, name: string, value: string | number | boolean | undefined): void {
  if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`attribute ${name} is not allowed`);
  if (value === undefined || value === false) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : String(value));
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.id) element.id = props.id;
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) setAttribute(element, name, value);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Sets an element's text only when it changes (cheap to call on every playhead move). */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Where a line may wrap inside a word: between the words of a CamelCase reason, and after a slash. */
const WORD_JOINS = /(?<=[a-z])(?=[A-Z])|(?<=\/)(?=\S)/;

/**
 * Text whose long words (MinimumReplicasAvailable, pod/web-5d8f) may wrap only at their joins: each join gets a
 * <wbr>, which adds no character (the text reads and copies the same).
 */
export function wrappable(text: string): Child[] {
  const parts = text.split(WORD_JOINS);
  return parts.flatMap((part, at) => (at === 0 ? [part] : [document.createElement('wbr'), part]));
}

/** setText for a label that may wrap inside its long words (see wrappable). */
export function setWrappableText(element: Element, text: string): void {
  if (element.textContent === text) return;
  element.replaceChildren();
  append(element, ...wrappable(text));
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

/** Places an element along the time axis (CSSOM, which the CSP allows; no style attributes). */
export function placeOnAxis(element: HTMLElement, from: number, to: number, end: number): void {
  const left = (from / end) * 100;
  const width = ((Math.min(to, end) - from) / end) * 100;
  element.style.left = `${left}%`;
  element.style.width = `${Math.max(width, 0)}%`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A 16×16 icon drawn from a fixed path (never from data), hidden from screen readers. */
export function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon');
  const shape = document.createElementNS(SVG_NS, 'path');
  shape.setAttribute('d', path);
  shape.setAttribute('fill', 'currentColor');
  svg.appendChild(shape);
  return svg;
}
