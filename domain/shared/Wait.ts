/** Port: waits a while in real time (pacing to a provider's rate); tests with a pinned clock may pass one that returns at once. */
export type Wait = (milliseconds: number) => Promise<void>;
