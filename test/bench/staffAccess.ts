import { localStaff, localTeamGroups } from '../../local/simulators/signin/localStaff.js';
import { startLocalStack } from '../../local/stack.js';

const requests = Number(process.env.BENCH_STAFF_REQUESTS ?? 2_000);
const concurrency = 16;

/**
 * [Brugerrettigheder][KomMed-GDPR] What staff access costs per request: a public route (no token);
 * a staff route that reads nothing itself (so only the sign-in: token signature and claims, the team
 * table); one that reads a table; and an audited one (an audit entry written before it answers).
 * Each `requests` times, 16 at a time.
 */
export async function staffAccess(): Promise<string[]> {
  const stack = await startLocalStack();
  try {
    const token = await stack.signIn.tokenFor({ ...localStaff.MemberServiceEditor, roles: ['MemberServiceEditor', 'EditorLight', 'Analyst'], groups: [localTeamGroups.fundraising!] });
    const headers = { authorization: `Bearer ${token}` };
    const auditedPath = '/admin/persons/00000000-0000-4000-8000-000000000001/consents';
    const lines = [`staff access        ${requests} requests per route, ${concurrency} at a time`];
    for (const [label, path, withToken] of [
      ['public /health', '/health', false],
      ['staff, no data read', '/admin/datasets', true],
      ['staff, not audited', '/admin/keywords/table', true],
      ['staff, audited', auditedPath, true],
    ] as const) {
      const figures = await measure(`${stack.engineUrl}${path}`, withToken ? headers : {});
      lines.push(`  ${label.padEnd(19)} ${figures.perSecond.toFixed(0)} req/s, p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms`);
    }
    return lines;
  } finally {
    await stack.stop();
  }
}

async function measure(url: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const sentAt = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status >= 500 || response.status === 401 || response.status === 403) throw new Error(`${url} answered ${response.status}`);
        latencies.push(performance.now() - sentAt);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { perSecond: (latencies.length / elapsedMs) * 1000, p50: latencies[Math.floor(latencies.length * 0.5)]!, p99: latencies[Math.floor(latencies.length * 0.99)]! };
}
