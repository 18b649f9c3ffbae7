/**
 * Schedules: who is on call when. The pure part lives here: types, validation, rotation,
 * restrictions, the final schedule and the iCalendar feed. Nothing here reads the clock or
 * does I/O; `now` and every range are parameters.
 * @module
 */
export type {
  Handoff,
  Layer,
  Override,
  OverrideKind,
  Restriction,
  ScheduleDef,
  Shift,
  ShiftSource,
  ShiftUnit,
} from './model.js'
export { OVERRIDE_KINDS, SHIFT_UNITS } from './model.js'
export type { InstantInput, LayerInput, OverrideInput, RestrictionInput, ScheduleInput } from './normalize.js'
export { normalizeSchedule, SCHEDULE_LIMITS, validateOverride } from './normalize.js'
export {
  computeFinalShifts,
  computeLayerShifts,
  nextHandoff,
  onCallAt,
  SEARCH_HORIZON_MS,
  shiftsForUser,
} from './final-schedule.js'
export type { ICalendarInput } from './ical.js'
export { DEFAULT_PRODID, renderICalendar } from './ical.js'
export type { Schedule, OverrideRecord } from './store.js'
export { findSchedule, getSchedule, listSchedules, loadOverrides } from './store.js'
export type { LayerInputBody, ScheduleInputBody, OverrideInputBody } from './commands.js'
export { createSchedule, updateSchedule, deleteSchedule, createOverride, deleteOverride } from './commands.js'
export type { OnCallNow } from './queries.js'
export { scheduleShifts, scheduleOnCall, onCallAcross, userShifts, MAX_SHIFT_RANGE_MS } from './queries.js'
