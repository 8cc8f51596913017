/** Port: the current instant. Adapters read the system clock; tests may pin it. */
export interface Clock {
  now(): Date;
}
