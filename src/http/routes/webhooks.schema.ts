/** Request shapes of the webhook routes. Bodies are parsed by the use cases (app/webhook-input.ts). */
import { z } from 'zod';
import { WorkspaceParamsSchema } from './customers.schema.js';

export const WebhookParamsSchema = WorkspaceParamsSchema.extend({ id: z.coerce.number().int().positive() });
export const DeliveryParamsSchema = WebhookParamsSchema.extend({ deliveryId: z.coerce.number().int().positive() });

export const DeliveryListQuerySchema = z.object({
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
  /** A cursor: deliveries older than this one (the `next` of the previous page). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
