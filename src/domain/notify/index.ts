export type { Notification, NotificationKind, NotificationStatus, NewNotification } from './model.js'
export { MAX_ATTEMPTS, retryDelayMs } from './backoff.js'
export { planNotifications, engagementMatters, BUNDLE_WINDOW_MS, ENGAGED_WINDOW_MS } from './plan.js'
export type { Plan, PlanInput, PlannedMessage } from './plan.js'
export {
  enqueueNotifications,
  notificationsQueries,
  cancelPendingNotifications,
  claimDueNotifications,
  dueToSend,
  inClaimOrder,
  deliveryWrites,
  recordedStatuses,
  type Attempt,
  cancelClaimed,
  deferClaimed,
  lastSentTo,
  listNotifications,
  listAlertNotifications,
  toldOfAlert,
  listAttempts,
  retryDeadNotification,
  notificationFromRow,
} from './outbox.js'
export type { DeliveryResult, NotificationQuery } from './outbox.js'
export { LinkSigner, LINK_LIFETIME_MS } from './links.js'
export type { LinkAction, LinkClaims } from './links.js'
export { renderAlertMessage, renderBundleMessage } from './render.js'
export { ChannelRegistry } from './channels/registry.js'
export { WebhookChannel, signWebhook, SIGNATURE_HEADER } from './channels/webhook.js'
export { SlackChannel, slackPayload } from './channels/slack.js'
export { EmailChannel } from './channels/email.js'
export type { EmailSettings } from './channels/email.js'
export type { Channel, OutboundMessage, Destination, SendOutcome } from './channels/types.js'
export { throttledUntil, CHANNEL_MIN_GAP_MS } from './throttle.js'
