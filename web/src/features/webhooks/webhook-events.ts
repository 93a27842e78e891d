/** The events a webhook can subscribe to (the server's list, src/domain/webhooks.ts). */
export const WEBHOOK_EVENTS: readonly string[] = ['customer.stage_changed'];
