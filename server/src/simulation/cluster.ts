// The simulated cluster: a few identical nodes, each with an image cache and room for pods.
import { NODE_COUNT, NODE_CPU_MILLI, NODE_MAX_PODS, NODE_MEMORY_BYTES } from './defaults';
import { cacheKey } from './image';
import type { Requests } from './spec';

export class Node {
  /** Image cache key -> the time the image is (or will be) on the node. */
  private readonly images = new Map<string, number>();
  readonly cpuCapacity = NODE_CPU_MILLI;
  readonly memoryCapacity = NODE_MEMORY_BYTES;
  readonly podCapacity = NODE_MAX_PODS;
  cpuUsed = 0;
  memoryUsed = 0;
  pods = 0;
  /** The scheduler scores pods without requests as 100m CPU / 200 MB (its non-zero defaults). */
  private scoredCpu = 0;
  private scoredMemory = 0;
  /** The node stopped reporting at this time. */
  lostAt?: number;

  constructor(readonly name: string, readonly index: number) {}

  /** When `image` is on the node: a past time, a future time (a pull is under way), or undefined. */
  imageReadyAt(image: string): number | undefined {
    return this.images.get(cacheKey(image));
  }

  addImage(image: string, at: number): void {
    const key = cacheKey(image);
    const known = this.images.get(key);
    if (known === undefined || at < known) this.images.set(key, at);
  }

  fits(requests: Requests): boolean {
    return this.pods < this.podCapacity
      && this.cpuUsed + requests.cpuMilli <= this.cpuCapacity
      && this.memoryUsed + requests.memoryBytes <= this.memoryCapacity;
  }

  /** LeastAllocated-style load used to spread pods. */
  load(): number {
    return this.scoredCpu / this.cpuCapacity + this.scoredMemory / this.memoryCapacity;
  }

  bind(requests: Requests): void {
    this.move(requests, 1);
  }

  release(requests: Requests): void {
    this.move(requests, -1);
  }

  private move(requests: Requests, sign: 1 | -1): void {
    this.cpuUsed += sign * requests.cpuMilli;
    this.memoryUsed += sign * requests.memoryBytes;
    this.scoredCpu += sign * (requests.cpuMilli || 100);
    this.scoredMemory += sign * (requests.memoryBytes || 200 * 1024 * 1024);
    this.pods += sign;
  }
}

export class Cluster {
  readonly nodes: Node[];

  constructor(cachedImages: string[]) {
    this.nodes = Array.from({ length: NODE_COUNT }, (_, i) => new Node(`node-${i + 1}`, i));
    for (const node of this.nodes) for (const image of cachedImages) node.addImage(image, 0);
  }
}
