/**
 * Maintenance windows: per service, scheduled or ad hoc; alerts opened inside one are stored
 * and shown but page only at its end, and only if still open. See windows.ts.
 * @module
 */
export type { MaintenanceWindow, WindowInput, WindowPhase } from './windows.js'
export { activeWindow, createWindow, deferToWindowEnd, endWindow, getWindow, heldByWindow, holdForMaintenance, listWindows, MAX_WINDOW_MS, phaseOf, maintenanceLookup, windowFromRow } from './windows.js'
