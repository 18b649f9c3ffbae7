/** Someone who can appear on a schedule: a member, or anyone given an override. */
export interface Person {
  readonly id: string
  readonly name: string
  readonly timeZone: string
}
