export { WebhookInput } from './webhook.schema.ts';
export { SIGNATURE_HEADER, sign, verifySignature } from './signature.ts';
export { createWebhookService, matchesEventType, type WebhookService } from './webhook.service.ts';
