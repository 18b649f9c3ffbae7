// The change-safety pages, bundled as one chunk that `changes-lazy.tsx` loads on first visit.
export { ChangeCalendarRoute } from './change-calendar'
export { ChangesRoute } from './changes'
export { ChangesCheckRoute } from './changes-check'
export { ChangesDetailRoute } from './changes-detail'
export { ChangesEditRoute } from './changes-edit'
export { ChangesInboxRoute } from './changes-inbox'
export { ChangesNewRoute } from './changes-new'
export { ChangesPolicyRoute } from './changes-policy'
