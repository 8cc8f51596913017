import { describe, expect, it } from 'vitest';
import { countDistinctSigners } from './distinctSigners.js';

const signed = (...contactKeys: string[]) => ({ contactKeys });

describe('countDistinctSigners', () => {
  it('[Leadflow] signatures sharing a phone or an email count once; different contacts count apart', () => {
    expect(countDistinctSigners([signed('email:a', 'phone:1'), signed('phone:1'), signed('email:a'), signed('email:b', 'phone:2')])).toBe(2);
  });

  it('[Leadflow] de-duplication is transitive: A shares a phone with B, B an email with C: one signer, in any order', () => {
    const a = signed('email:a', 'phone:1');
    const b = signed('phone:1', 'email:b');
    const c = signed('email:b', 'phone:3');
    // With B last, A and C are two signers until B joins them.
    expect(countDistinctSigners([a, c, b])).toBe(1);
    expect(countDistinctSigners([c, b, a])).toBe(1);
    expect(countDistinctSigners([a, c])).toBe(2);
  });

  it('[Leadflow] a signature without keys counts on its own, even next to one that has keys', () => {
    expect(countDistinctSigners([signed(), signed(), signed('email:a'), signed('email:a')])).toBe(3);
    expect(countDistinctSigners([])).toBe(0);
  });

  it('[Leadflow] long chains and many groups are counted exactly', () => {
    const chain = Array.from({ length: 1_000 }, (_, i) => signed(`phone:${i}`, `phone:${i + 1}`));
    const loners = Array.from({ length: 250 }, (_, i) => signed(`email:${i}`));
    expect(countDistinctSigners([...chain.reverse(), ...loners])).toBe(251);
  });
});
