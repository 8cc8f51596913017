import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { Ids } from '../../domain/shared/Ids.js';

/** The engine's own UUID namespace for name-based (v5) ids; never change it, ids derive from it. */
const engineNamespace = '6f1c2a4e-3b7d-5e90-8c41-2d7a9b0e5f13';

export const uuidIds: Ids = {
  fromKey: (key) => uuidv5(key, engineNamespace),
  random: () => uuidv4(),
};
