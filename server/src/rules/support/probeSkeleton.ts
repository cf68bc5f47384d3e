import { isMap, isScalar, type YAMLMap } from 'yaml';
import { pairOf, seqAt, stringAt } from '../../yaml/nodes';

const HTTP_PORTS = new Set([80, 443, 3000, 5000, 8000, 8080, 8443, 8888, 9000, 9090]);

export interface DeclaredPort {
  number: number;
  name?: string;
}

/** The container's TCP ports, in declaration order. */
export function tcpPortsOf(container: YAMLMap): DeclaredPort[] {
  return (seqAt(container, 'ports')?.items ?? []).flatMap((port): DeclaredPort[] => {
    if (!isMap(port)) return [];
    const number = pairOf(port, 'containerPort')?.value;
    const protocol = stringAt(port, 'protocol') ?? 'TCP';
    if (!isScalar(number) || typeof number.value !== 'number' || protocol !== 'TCP') return [];
    return [{ number: number.value, name: stringAt(port, 'name') }];
  });
}

/** A probe that checks the first declared port: HTTP GET when the port looks like HTTP, a TCP connect otherwise. */
export function probeSkeleton(port: DeclaredPort): Record<string, unknown> {
  const target = port.name ?? port.number;
  const http = /http|web/i.test(port.name ?? '') || HTTP_PORTS.has(port.number);
  return http ? { httpGet: { path: '/', port: target } } : { tcpSocket: { port: target } };
}
