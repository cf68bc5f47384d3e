// The panel's reading of a simulation (simulationResult.ts) may be looser than the protocol and run ahead of it,
// but every result the protocol allows must fit it: a field renamed or retyped on either side fails the build here.
import type * as protocol from '../../server/src/protocol';
import type { SimulationResult } from './simulationResult';

export function asPanelResult(result: protocol.SimulationResult): SimulationResult {
  return result;
}
