/**
 * What a person may give for a webhook, parsed at the edge, and which addresses Pulse refuses to
 * call: outbound requests to private, loopback or link-local addresses would let anyone who can add a
 * webhook probe the network Pulse runs in (SSRF), so they are refused unless the operator allows them.
 */
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../domain/webhooks.js';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(net, bits, 'ipv6');

/** Loopback, private, link-local, shared, documentation, multicast or reserved (IPv4-mapped IPv6 too). */
export const isPrivateAddress = (ip: string): boolean => {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const family = isIP(bare);
  if (family === 0) return false;
  // NAT64 addresses carry an IPv4 address in their last 32 bits.
  if (family === 6 && /^64:ff9b::/i.test(bare)) {
    const tail = bare.slice('64:ff9b::'.length);
    const v4 = isIP(tail) === 4 ? tail : /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
    if (typeof v4 === 'string') return blocked.check(v4, 'ipv4');
    if (v4 !== null) {
      const hi = parseInt(v4[1]!, 16);
      const lo = parseInt(v4[2]!, 16);
      return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
    }
  }
  return blocked.check(bare, family === 4 ? 'ipv4' : 'ipv6');
};

const isLocalName = (host: string): boolean => {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal') || !h.includes('.');
};

/**
 * The problem with a webhook URL, or null. Names are checked again when a delivery resolves them
 * (a public name may point at a private address).
 */
export const webhookUrlProblem = (raw: string, allowPrivate: boolean): string | null => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs can receive webhooks';
  if (url.username !== '' || url.password !== '') return 'a webhook URL cannot hold a user name or password (deliveries are signed; put a token in the path if you need one)';
  if (url.hash !== '') return 'a webhook URL cannot have a #fragment';
  if (allowPrivate) return null;
  if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0 ? isPrivateAddress(url.hostname) : isLocalName(url.hostname)) {
    return `${url.hostname} is a private or local address; Pulse only calls public addresses (the operator can allow private ones with PULSE_WEBHOOKS_ALLOW_PRIVATE=true)`;
  }
  return null;
};

const EventTypesSchema = z.array(z.enum(WEBHOOK_EVENT_TYPES, { error: `unknown event type: expected ${WEBHOOK_EVENT_TYPES.join(' or ')}` })).min(1, 'subscribe to at least one event').max(20)
  .transform((types) => [...new Set(types)]);

export const WebhookCreateSchema = z.object({
  url: z.string().trim().min(1).max(2048),
  events: EventTypesSchema.default(['customer.stage_changed']),
  description: z.string().trim().max(500).nullish(),
}).strict();
export type WebhookCreateInput = z.input<typeof WebhookCreateSchema>;

export const WebhookUpdateSchema = z.object({
  url: z.string().trim().min(1).max(2048).optional(),
  events: EventTypesSchema.optional(),
  active: z.boolean().optional(),
  description: z.string().trim().max(500).nullish(),
}).strict().refine((v) => Object.keys(v).length > 0, { message: 'nothing to change: give url, events, active or description' });
export type WebhookUpdateInput = z.input<typeof WebhookUpdateSchema>;
