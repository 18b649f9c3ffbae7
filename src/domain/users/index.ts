export * from './model.js'
export { normalizeUser, normalizeDays, normalizeContactMethod } from './normalize.js'
export type { UserInput, ContactMethodInput, NotificationRuleInput } from './normalize.js'
export { findUser, getUser, findUserByRef, listUsers, usersById, listContactMethods, listContactMethodsMeta, listNotificationRules } from './store.js'
export {
  createUser,
  updateUser,
  deleteUser,
  addContactMethod,
  updateContactMethod,
  deleteContactMethod,
  markContactMethodVerified,
  addNotificationRule,
  deleteNotificationRule,
} from './commands.js'
export { isWorkingTime, nextWorkingStart, isSleepTime } from './hours.js'
