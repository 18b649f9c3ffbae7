import type { MissingDataPolicy } from '../../../types/api'

/** CloudWatch's TreatMissingData choices, with what each does to a period without data. */
export const MISSING_DATA: readonly { readonly value: MissingDataPolicy; readonly label: string; readonly meaning: string }[] = [
  {
    value: 'missing',
    label: 'Missing (default)',
    meaning: 'Judge the datapoints there are. With none at all the alarm goes to INSUFFICIENT_DATA, which neither opens nor resolves an alert.',
  },
  {
    value: 'notBreaching',
    label: 'Not breaching (good)',
    meaning: 'A missing datapoint counts as within the threshold. For metrics sent only when something happens, such as error counts.',
  },
  {
    value: 'breaching',
    label: 'Breaching (bad)',
    meaning: 'A missing datapoint counts as breaching. For metrics whose silence means trouble, such as a queue consumer’s throughput.',
  },
  {
    value: 'ignore',
    label: 'Ignore (keep the state)',
    meaning: 'The alarm keeps its current state while data is missing.',
  },
]

/** The meaning of one policy, for hints and the detail page. */
export function missingDataMeaning(policy: MissingDataPolicy): string {
  return MISSING_DATA.find((m) => m.value === policy)?.meaning ?? policy
}
