/**
 * A customer's journal: turns "this person did X on channel Y at time T" into Pulse event lines,
 * with the identities that channel would really know (a Facebook id, a WhatsApp number, the email of
 * a shop order), deterministic source ids, and the brand's answers in the same threads.
 */
import type { EventLineInput } from '../app/event-input.js';
import { AGENTS, BRAND_HANDLE, PAGES, brandPostId, isOnline, trafficSource, type Product, type TrafficSource } from './brand.js';
import type { Lang, Person, Social } from './people.js';
import type { Random } from './random.js';
import { say, type Slots, type Topic } from './texts.js';
import type { World } from './world.js';

type CustomerInput = EventLineInput['customer'];
export type MessageChannel = Social | 'whatsapp' | 'email';

export interface Order {
  id: string;
  t: number;
  amount: number;
  items: Product[];
  online: boolean;
}

const SOURCES = new Map<string, string>();
/** `demo-<channel>`, one string per channel rather than one per event. */
const sourceOf = (channel: string): string => {
  let source = SOURCES.get(channel);
  if (source === undefined) SOURCES.set(channel, (source = `demo-${channel}`));
  return source;
};

interface Fields {
  direction?: 'in' | 'out';
  customer?: CustomerInput;
  text?: string;
  lang?: Lang;
  amount?: number;
  currency?: string;
  order_id?: string;
  thread_id?: string;
  in_reply_to?: string;
  meta?: Record<string, unknown>;
}

export class Journal {
  private n = 0;
  private orders = 0;
  /** Signed up for the newsletter: its links identify them on the site. */
  subscribed = false;
  /** The bike the person owns or is looking at: what their posts talk about. */
  bike: Product;
  private readonly communityEmail: boolean;
  private readonly phoneAtCheckout: boolean;
  private readonly refs = new Map<string, CustomerInput>();
  private readonly following = new Set<Social>();

  constructor(readonly world: World, readonly person: Person, readonly rng: Random, bike: Product) {
    this.bike = bike;
    this.communityEmail = rng.chance(0.6);
    this.phoneAtCheckout = rng.chance(0.7);
  }

  get main(): Social | null {
    return this.person.social[0] ?? null;
  }

  /** Sample a moment in [lo, hi] with the weekly rhythm. */
  at(lo: number, hi: number): number {
    return this.world.rhythm.at(this.rng, lo, hi);
  }

  /**
   * How a channel knows this person. The objects are built once per person and channel, frozen, and
   * shared by that person's lines (fewer allocations on the hot path); lines are read-only.
   */
  customer(channel: string, opts: { email?: boolean; online?: boolean } = {}): CustomerInput {
    const key = opts.email === true ? `${channel}|email` : opts.online === true ? `${channel}|online` : channel;
    let ref = this.refs.get(key);
    if (ref === undefined) {
      ref = this.buildRef(channel, opts);
      if (ref.identities !== undefined) ref.identities.forEach((i) => Object.freeze(i));
      Object.freeze(ref.identities);
      this.refs.set(key, Object.freeze(ref));
    }
    return ref;
  }

  private buildRef(channel: string, opts: { email?: boolean; online?: boolean }): CustomerInput {
    const p = this.person;
    const account = channel === 'whatsapp' ? p.whatsapp : p.accounts[channel as Social | 'community'];
    if (channel === 'shop') {
      const ref: CustomerInput = { email: p.email, name: p.name, shop_customer_id: p.shopId };
      if (p.phone !== null && this.phoneAtCheckout) ref.phone = p.phone;
      if (opts.online) ref.identities = [{ channel: 'web', id: p.visitorId }];
      return ref;
    }
    if (channel === 'newsletter') return { email: p.newsletterEmail };
    if (channel === 'email') return { email: p.email, name: p.name };
    // A click from the newsletter carries the subscriber's address (the mailing tool tags its links).
    if (channel === 'web' && opts.email) return { identities: [{ channel: 'web', id: p.visitorId }], email: p.newsletterEmail };
    if (channel === 'web' || account == null) return { identities: [{ channel: 'web', id: p.visitorId }] };
    const ref: CustomerInput = { identities: [{ channel, id: account.id, handle: account.handle }] };
    if (channel === 'facebook' || channel === 'whatsapp') ref.name = p.name;
    if (channel === 'whatsapp' && p.phone !== null) ref.phone = p.phone;
    if (opts.email || (channel === 'community' && this.communityEmail)) ref.email = p.email;
    return ref;
  }

  /** Appends one event; returns its source id, or null when `t` falls outside the demo period. */
  emit(t: number, kind: string, channel: string, f: Fields = {}): string | null {
    const w = this.world;
    if (t > w.now || t < w.from) return null;
    const source_id = `${this.person.key}-${++this.n}`;
    const line: EventLineInput = {
      source: sourceOf(channel), source_id, kind, channel, direction: f.direction ?? 'in',
      occurred_at: w.rhythm.iso(t), customer: f.customer ?? this.customer(channel),
    };
    if (f.text !== undefined) { line.text = f.text; line.lang = f.lang ?? this.person.lang; }
    if (f.amount !== undefined) { line.amount = f.amount; line.currency = f.currency ?? this.person.currency; }
    if (f.order_id !== undefined) line.order_id = f.order_id;
    if (f.thread_id !== undefined) line.thread_id = f.thread_id;
    if (f.in_reply_to !== undefined) line.in_reply_to = f.in_reply_to;
    if (f.meta !== undefined) line.meta = f.meta;
    w.out.push({ t, seq: w.nextSeq(), line });
    return source_id;
  }

  text(topic: Topic, slots: Slots = {}, publicPost = false, channel = 'instagram', index?: number): string {
    return say(this.rng, this.person.lang, topic, { product: this.bike.name, brand: BRAND_HANDLE[channel] ?? '@CykelNord', ...slots },
      { market: this.person.market, publicPost, index });
  }

  private brandText(topic: Topic, slots: Slots = {}, index?: number): { text: string; agent: string } {
    const agent = this.rng.pick(AGENTS[this.person.lang] ?? AGENTS.en!);
    const text = say(this.rng, this.person.lang, topic, { product: this.bike.name, first: this.person.first, agent, ...slots },
      { market: this.person.market, brand: true, index });
    return { text, agent };
  }

  private social(channel: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return channel === 'community' ? extra : { followers: this.person.followers, ...extra };
  }

  visit(t: number, source?: TrafficSource, path?: string): void {
    const s = source ?? trafficSource(this.rng, this.person.market);
    const meta = { referrer: s.referrer, utm_source: s.utm_source, utm_campaign: s.utm_campaign, path: path ?? this.rng.pick(PAGES) };
    const fromNewsletter = this.subscribed && s.utm_source === 'newsletter';
    this.emit(t, 'visit', 'web', { meta, customer: this.customer('web', { email: fromNewsletter }) });
  }

  /** Follows once per network; unfollows only what was followed. */
  follow(t: number, channel: Social, unfollow = false): void {
    if (this.following.has(channel) !== unfollow) return;
    if (this.emit(t, unfollow ? 'unfollow' : 'follow', channel, { meta: this.social(channel) }) === null) return;
    if (unfollow) this.following.delete(channel);
    else this.following.add(channel);
  }

  like(t: number, channel: Social): void {
    this.emit(t, 'like', channel, { meta: { post_id: brandPostId(channel, t) } });
  }

  /** A public comment under a brand post; the brand may answer in public (`reply`). */
  comment(t: number, channel: Social, topic: Topic, reply: Topic | null = null, slots: Slots = {}): void {
    const thread = brandPostId(channel, t);
    const index = this.rng.int(0, 59);
    const id = this.emit(t, 'comment', channel, { text: this.text(topic, slots, true, channel, index), thread_id: thread, in_reply_to: thread, meta: this.social(channel) });
    if (id === null || reply === null) return;
    const { text, agent } = this.brandText(reply, slots, index);
    this.emit(this.world.rhythm.replyAfter(this.rng, t), 'comment', channel, { direction: 'out', text, thread_id: thread, in_reply_to: id, meta: { agent } });
  }

  mention(t: number, channel: Social, topic: Topic, slots: Slots = {}): void {
    this.emit(t, 'mention', channel, { text: this.text(topic, slots, true, channel), meta: this.social(channel) });
  }

  share(t: number, channel: Social, withText: boolean): void {
    const meta = this.social(channel, { shared_post_id: brandPostId(channel, t - this.rng.int(0, 3) * 86_400_000) });
    this.emit(t, 'share', channel, withText ? { text: this.text('share', {}, true, channel), meta } : { meta });
  }

  /**
   * A private conversation: the opening message, the brand's answer (unless `reply` is null or the
   * answer would fall after "now"), then perhaps a follow-up and a second answer. Returns the time
   * of the last message.
   */
  conversation(t: number, channel: MessageChannel, opening: Topic, reply: Topic | null,
    o: { followup?: Topic; followupReply?: Topic | null; slow?: boolean; slots?: Slots; email?: boolean } = {}): number {
    const thread = `${this.person.key}-th${this.n + 1}`;
    const customer = (): CustomerInput => this.customer(channel, { email: o.email ?? false });
    const index = this.rng.int(0, 59);
    let last = this.emit(t, 'message', channel, { customer: customer(), text: this.text(opening, o.slots, false, channel, index), thread_id: thread });
    if (last === null) return t;
    let at = t;
    let agentName: string | undefined;
    const answer = (topic: Topic, slow: boolean): void => {
      const rt = this.world.rhythm.replyAfter(this.rng, at, slow);
      const { text, agent } = this.brandText(topic, o.slots, topic === reply ? index : undefined);
      const id = this.emit(rt, 'message', channel, { direction: 'out', customer: customer(), text, thread_id: thread, in_reply_to: last ?? thread, meta: { agent } });
      if (id !== null) { last = id; at = rt; agentName = agent; }
    };
    if (reply !== null) answer(reply, o.slow ?? false);
    if (o.followup !== undefined) {
      const hours = o.followup === 'angry_followup' ? this.rng.between(24, 80) : this.rng.between(0.2, 3);
      const ft = at + Math.floor(hours * 3_600_000);
      const slots = { agent: agentName ?? this.rng.pick(AGENTS[this.person.lang] ?? AGENTS.en!), ...o.slots };
      const id = this.emit(ft, 'message', channel, { customer: customer(), text: this.text(o.followup, slots), thread_id: thread, in_reply_to: last });
      if (id !== null) {
        last = id;
        at = ft;
        if (o.followupReply) answer(o.followupReply, false);
      }
    }
    return at;
  }

  review(t: number, positive: boolean, product: Product, channel: 'shop' | 'facebook' = 'shop'): void {
    const rating = positive ? this.rng.choose({ 5: 70, 4: 30 }) : this.rng.choose({ 1: 55, 2: 45 });
    // A bike gets a review of the bike; a part or a service, a review of the shop.
    const isBike = product.category !== 'part' && product.category !== 'service';
    const topic: Topic = isBike ? (positive ? 'review_pos' : 'review_neg') : positive ? 'review_shop_pos' : 'review_shop_neg';
    const text = this.text(topic, { product: product.name }, false, channel);
    this.emit(t, 'review', channel, { text, meta: { rating: Number(rating), sku: product.sku } });
  }

  newsletter(t: number, signupSource: string): void {
    this.subscribed = true;
    const list = { dk: 'Nyhedsbrev DK', it: 'Newsletter IT', intl: 'Newsletter EN' }[this.person.market];
    this.emit(t, 'newsletter_signup', 'newsletter', { meta: { list, signup_source: signupSource } });
  }

  purchase(t: number, items: Product[], store: string): Order | null {
    const iso = this.world.rhythm.iso(t);
    const id = `CVN-${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${String(this.person.index).padStart(5, '0')}${++this.orders}`;
    const eur = this.person.currency === 'EUR';
    const lines = items.map((p) => ({ sku: p.sku, name: p.name, qty: 1, price: eur ? p.eur : p.dkk }));
    const amount = lines.reduce((s, l) => s + l.price, 0);
    const online = isOnline(store);
    const payment = this.rng.pick(this.person.market === 'dk' ? ['card', 'mobilepay', 'klarna'] : ['card', 'paypal', 'satispay']);
    const sid = this.emit(t, 'purchase', 'shop', {
      customer: this.customer('shop', { online }), amount, order_id: id, meta: { store, items: lines, payment },
    });
    return sid === null ? null : { id, t, amount, items, online };
  }

  refund(t: number, order: Order, amount: number, reason: string): void {
    this.emit(t, 'refund', 'shop', { customer: this.customer('shop'), amount, order_id: order.id, meta: { reason } });
  }

  referral(t: number, code: string): void {
    this.emit(t, 'referral', 'shop', { customer: this.customer('shop'), meta: { code, channel: this.main ?? 'web' } });
  }

  /** A community post others may answer. */
  post(t: number): void {
    const threadId = `cm-${this.person.key}-${this.n + 1}`;
    const sourceId = this.emit(t, 'post', 'community', { text: this.text('community_post', {}, false, 'community'), thread_id: threadId });
    if (sourceId !== null) this.world.posts.push({ threadId, sourceId, t, weight: this.rng.logBetween(1, 20), lang: this.person.lang });
  }

  idea(t: number): void {
    const threadId = `idea-${this.person.key}-${this.n + 1}`;
    const text = this.text('idea', {}, false, 'community');
    const sourceId = this.emit(t, 'idea', 'community', { text, thread_id: threadId, meta: { title: text.slice(0, 80), status: 'new' } });
    if (sourceId !== null) this.world.ideas.push({ threadId, sourceId, t, weight: this.rng.logBetween(1, 40), lang: this.person.lang });
  }

  /** A vote or a community reply; its target is chosen when every journal is written. */
  later(t: number, to: 'idea' | 'post'): void {
    const w = this.world;
    const fields: Fields = to === 'idea' ? { meta: { value: 1 } } : { text: this.text('community_reply', {}, false, 'community') };
    if (this.emit(t, to === 'idea' ? 'vote' : 'comment', 'community', fields) === null) return;
    w.pending.push({ planned: w.out[w.out.length - 1]!, to, voter: this.person.key });
  }
}
