import type { MiddlewareHandler } from 'hono';
import { decodedPath } from './decodedPath.js';
import type { Fault, FaultInjector } from './faults.js';
import { waitUnlessAborted } from './waitUnlessAborted.js';

/** How a simulator answers in its own error shape when a fault rule applies. */
export interface FaultResponses {
  /** The client gave up during a fault's delay: logged as nginx's 499. */
  clientClosed(): Response;
  /** A fault with a status. */
  fault(fault: Fault & { status: number }): Response;
}

/**
 * Middleware that applies the first matching fault rule before the request is handled: waits its
 * delay (as long as the client does), then answers its status or lets the request through. With
 * `afterHandling` the request is carried out first and its answer replaced by the fault's.
 */
export function injectFaults(faults: FaultInjector, responses: FaultResponses): MiddlewareHandler {
  return async (c, next) => {
    const fault = faults.take(c.req.method, decodedPath(new URL(c.req.url)));
    if (fault?.delayMs && !(await waitUnlessAborted(fault.delayMs, c.req.raw.signal))) {
      // Logged as nginx's 499 so a test sees the attempt its client abandoned, at the moment it gave up.
      return responses.clientClosed();
    }
    if (fault?.status === undefined) return next();
    if (fault.afterHandling) {
      // The service did the work; only its answer is lost on the way back.
      await next();
      c.res = responses.fault({ ...fault, status: fault.status });
      return;
    }
    return responses.fault({ ...fault, status: fault.status });
  };
}
