/**
 * Who did something: a member of staff or an app signed in with Entra ID (its object id and display
 * name, taken from the access token), or the engine itself (a schedule, a retry).
 */
export interface Actor {
  kind: 'user' | 'app' | 'engine';
  /** Entra ID object id (`oid`) of the user or app; the job or function name for the engine. */
  id: string;
  /** Display name when the token carries one (users); the app's client id for apps. */
  name: string;
}

export function engineActor(what: string): Actor {
  return { kind: 'engine', id: what, name: what };
}

/**
 * How an actor is written into a record's `…By` field: "Name <object id>", readable for staff and
 * unambiguous (names repeat, object ids do not). The audit log keeps the actor whole.
 */
export function actorReference(actor: Actor): string {
  return `${actor.name} <${actor.id}>`;
}

/** The actor an `actorReference` was written for; a reference of another shape (older records) is taken as a name. */
export function actorOfReference(reference: string): Actor {
  const match = /^(.*) <([^<>]+)>$/.exec(reference);
  return match ? { kind: 'user', id: match[2]!, name: match[1]! } : { kind: 'user', id: reference, name: reference };
}
