import type { StopList } from './ports.js';

/** [StopList] Staff take an entry off the stop list. Whether it was there. */
export function removeFromStopList(id: string, ports: { stopList: StopList }): Promise<boolean> {
  return ports.stopList.remove(id);
}
