import { type Period, periodOf } from './period.js';
import type { KeywordAction, SmsKeywordTable } from './SmsKeyword.js';

/** A keyword and the part of the asked period it was in force for one campaign: [from, to), UTC instants. */
export interface KeywordInForce {
  keyword: string;
  action: KeywordAction;
  from: string;
  to: string;
}

export interface CampaignKeywords {
  campaignCode: string;
  keywords: KeywordInForce[];
}

/**
 * [OnlineFundraising9] Which keywords counted for which campaign during [from, to): campaigns by
 * code, each campaign's keywords by keyword and then by when they started.
 */
export function keywordsInPeriod(table: Pick<SmsKeywordTable, 'assignments'>, from: Date, to: Date): CampaignKeywords[] {
  const asked: Period = { start: from.getTime(), end: to.getTime() };
  const byCampaign = new Map<string, KeywordInForce[]>();
  for (const assignment of table.assignments) {
    const part = intersection(periodOf(assignment), asked);
    if (!part) continue;
    const inForce = { keyword: assignment.keyword, action: assignment.action, from: new Date(part.start).toISOString(), to: new Date(part.end).toISOString() };
    byCampaign.set(assignment.campaignCode, [...(byCampaign.get(assignment.campaignCode) ?? []), inForce]);
  }
  return [...byCampaign.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([campaignCode, keywords]) => ({ campaignCode, keywords: keywords.sort((a, b) => compareText(a.keyword, b.keyword) || compareText(a.from, b.from)) }));
}

function intersection(a: Period, b: Period): Period | undefined {
  const part = { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
  return part.start < part.end ? part : undefined;
}

/** Code-point order: the same on every machine, unlike a locale's collation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
