import { periodContains, periodOf } from './period.js';
import { type SmsKeyword, type SmsKeywordTable, normaliseKeyword } from './SmsKeyword.js';

/** [OnlineFundraising8][OnlineFundraising9] The assignment in force for a keyword (any case, spaces around) at an instant. */
export function keywordAt(table: Pick<SmsKeywordTable, 'assignments'>, keyword: string, at: Date): SmsKeyword | undefined {
  const wanted = normaliseKeyword(keyword);
  return table.assignments.find((assignment) => assignment.keyword === wanted && periodContains(periodOf(assignment), at));
}
