/**
 * What each kind of person does over the six months: lurkers glance, fans like and comment,
 * regulars come back week after week, influencers talk about the brand to many followers.
 * The buying personas are in buying.ts. Each journey writes into the person's Journal.
 */
import { CATALOGUE, STORES, trafficSource, type Category, type Product } from './brand.js';
import type { Journal, MessageChannel } from './journal.js';
import type { Market, Social } from './people.js';
import type { Random } from './random.js';
import { DAY_MS, HOUR_MS } from './rhythm.js';
import type { Topic } from './texts.js';

export const D = DAY_MS;

/** The brand's answer to each kind of question or complaint. */
export const REPLY: Partial<Record<Topic, Topic>> = {
  q_hours: 'r_hours', q_order: 'r_order', q_warranty: 'r_warranty', intent: 'r_intent', praise: 'r_praise',
  mention: 'r_praise', complaint_delivery: 'r_complaint', complaint_broken: 'r_complaint', complaint_size: 'r_complaint',
  angry_followup: 'r_followup', crisis: 'r_public',
};

export const pickProduct = (rng: Random, category: Category): Product => rng.pick(CATALOGUE[category]);

/** The bike a person talks about before they own one. */
export const interestBike = (rng: Random): Product =>
  pickProduct(rng, rng.choose({ city: 38, cargo: 28, ebike: 30, kids: 4 }));

export const storeFor = (rng: Random, market: Market): string => rng.choose(STORES[market]);

/** Where a person writes privately: WhatsApp if they have it, their networks' DMs, or email. */
export const messageChannel = (j: Journal): MessageChannel => {
  const p = j.person;
  const weights: Record<MessageChannel, number> = { facebook: 0, instagram: 0, x: 0, whatsapp: 0, email: 2 };
  if (p.whatsapp !== null) weights.whatsapp = p.market === 'it' ? 7 : 4;
  for (const s of p.social) weights[s] = s === 'x' ? 1 : 3;
  return j.rng.choose(weights);
};

const anySocial = (j: Journal): Social => j.rng.pick(j.person.social);

/** A question or remark in public under a brand post, sometimes answered there. */
export const publicQuestion = (j: Journal, t: number, topic: Topic): void => {
  const reply = REPLY[topic];
  const answer = reply !== undefined && j.rng.chance(topic === 'praise' ? 0.3 : 0.75) ? reply : null;
  j.comment(t, anySocial(j), topic, answer);
};

/** A private question, answered, often thanked for. */
export const privateQuestion = (j: Journal, t: number, topic: Topic, email = false): number =>
  j.conversation(t, messageChannel(j), topic, REPLY[topic] ?? null, {
    followup: j.rng.chance(0.45) ? 'thanks' : undefined, slow: j.rng.chance(0.2), email,
  });

/** A few visits, the first at `t0`, coming from the person's network when they have one. */
export const visits = (j: Journal, n: number, t0: number, until: number): void => {
  const via = j.main !== null && j.rng.chance(0.45) ? j.main : undefined;
  j.visit(j.at(t0, t0 + 3 * HOUR_MS), trafficSource(j.rng, j.person.market, via));
  for (const t of j.world.rhythm.spread(j.rng, n - 1, t0, until)) j.visit(t);
};

export const likes = (j: Journal, n: number, lo: number, hi: number): void => {
  if (j.person.social.length === 0) return;
  for (const t of j.world.rhythm.spread(j.rng, n, lo, hi)) j.like(t, anySocial(j));
};

/** Signs up for the newsletter, then now and then clicks through to the site. */
export const subscribe = (j: Journal, t: number, signupSource: string): void => {
  j.newsletter(t, signupSource);
  for (const v of j.world.rhythm.spread(j.rng, j.rng.int(0, 5), t + D, j.world.now)) {
    j.visit(v, trafficSource(j.rng, j.person.market, 'newsletter'));
  }
};

export const lurker = (j: Journal): void => {
  const { rng, world: w } = j;
  const t0 = j.at(w.from, w.now);
  visits(j, rng.int(1, 4), t0, t0 + 30 * D);
  if (rng.chance(0.06)) privateQuestion(j, j.at(t0, t0 + 30 * D), rng.choose({ q_hours: 50, intent: 30, q_warranty: 20 }));
  const main = j.main;
  if (main === null) return;
  if (rng.chance(0.6)) {
    j.follow(j.at(t0, t0 + 7 * D), main);
    if (rng.chance(0.08)) j.follow(j.at(t0 + 14 * D, w.now), main, true);
  }
  likes(j, rng.int(0, 6), t0, w.now);
};

export const fan = (j: Journal): void => {
  const { rng, world: w } = j;
  const t0 = j.at(w.from, w.now - 10 * D);
  const [main, ...others] = j.person.social;
  if (main === undefined) return lurker(j);
  j.follow(t0, main);
  for (const s of others) j.follow(j.at(t0, w.now), s);
  likes(j, rng.int(4, 18), t0, w.now);
  for (let i = rng.int(1, 5); i > 0; i--) {
    publicQuestion(j, j.at(t0, w.now), rng.choose({ praise: 35, neutral: 35, q_hours: 8, q_warranty: 7, intent: 15 }));
  }
  for (let i = rng.int(0, 2); i > 0; i--) j.share(j.at(t0, w.now), anySocial(j), rng.chance(0.5));
  if (rng.chance(0.25)) j.mention(j.at(t0, w.now), main, 'mention');
  visits(j, rng.int(1, 5), j.at(t0, t0 + 3 * D), w.now);
  if (rng.chance(0.25)) subscribe(j, j.at(t0, w.now), rng.pick(['footer', 'giveaway', 'popup']));
  if (rng.chance(0.3)) privateQuestion(j, j.at(t0, w.now), rng.choose({ q_hours: 40, q_warranty: 25, intent: 35 }));
  if (rng.chance(0.05)) j.follow(j.at(t0 + 20 * D, w.now), main, true);
  if (w.crisisAt > t0 && rng.chance(0.07)) j.mention(j.at(w.crisisAt, w.crisisAt + 36 * HOUR_MS), main, 'crisis');
};

/** Comes back week after week: community posts and replies, votes, comments, likes. */
export const regular = (j: Journal, t0 = j.at(j.world.from, j.world.now - 70 * D)): void => {
  const { rng, world: w } = j;
  const main = j.main;
  if (main !== null) j.follow(t0, main);
  j.post(j.at(t0, t0 + 14 * D));
  if (rng.chance(0.6)) subscribe(j, j.at(t0, w.now), 'community');
  const keen = rng.between(0.45, 0.85);
  for (let week = t0; week < w.now; week += 7 * D) {
    if (!rng.chance(keen)) continue;
    for (let k = rng.int(1, 4); k > 0; k--) {
      const t = j.at(week, week + 7 * D);
      const act = rng.choose({ like: 28, comment: 16, post: 9, reply: 17, vote: 15, visit: 12, share: 3 });
      if (act === 'post') j.post(t);
      else if (act === 'reply') j.later(t, 'post');
      else if (act === 'vote') j.later(t, 'idea');
      else if (act === 'visit') j.visit(t);
      else if (main === null) j.later(t, 'post');
      else if (act === 'like') j.like(t, anySocial(j));
      else if (act === 'share') j.share(t, anySocial(j), true);
      else publicQuestion(j, t, rng.choose({ praise: 45, neutral: 35, q_warranty: 10, intent: 10 }));
    }
  }
  if (rng.chance(0.35)) j.idea(j.at(t0, w.now));
  if (rng.chance(0.1)) j.idea(j.at(t0, w.now));
  for (let i = rng.int(0, 2); i > 0; i--) privateQuestion(j, j.at(t0, w.now), rng.choose({ q_hours: 40, q_warranty: 40, intent: 20 }));
  if (rng.chance(0.35)) {
    const t = j.at(t0 + 14 * D, w.now);
    const basket = [pickProduct(rng, rng.chance(0.5) ? 'service' : 'part')];
    const order = j.purchase(t, basket, storeFor(rng, j.person.market));
    if (order !== null && rng.chance(0.4)) j.review(j.at(t + 5 * D, t + 20 * D), rng.chance(0.9), basket[0]!);
  }
};

/** Many followers, many positive mentions and shares, a referral code their followers use. */
export const influencer = (j: Journal): void => {
  const { rng, world: w } = j;
  const t0 = j.at(w.from, w.from + 40 * D);
  j.bike = pickProduct(rng, rng.chance(0.6) ? 'cargo' : 'ebike');
  const socials = j.person.social;
  socials.forEach((s, i) => j.follow(i === 0 ? t0 : j.at(t0, t0 + 30 * D), s));
  const main = socials[0] ?? 'instagram';
  for (const t of w.rhythm.spread(rng, rng.int(10, 20), t0 + 2 * D, w.now)) {
    j.mention(t, rng.chance(0.75) ? main : anySocial(j), rng.chance(0.7) ? 'influencer' : 'mention');
  }
  for (const t of w.rhythm.spread(rng, rng.int(5, 12), t0, w.now)) j.share(t, anySocial(j), rng.chance(0.7));
  for (let i = rng.int(4, 10); i > 0; i--) publicQuestion(j, j.at(t0, w.now), 'praise');
  for (let i = rng.int(5, 15); i > 0; i--) j.like(j.at(t0, w.now), anySocial(j));
  const code = `${j.person.first.toUpperCase().replace(/[^A-Z]/g, '')}10`;
  for (const t of w.rhythm.spread(rng, rng.int(3, 8), t0 + 10 * D, w.now)) j.referral(t, code);
  visits(j, rng.int(3, 8), t0, w.now);
  j.conversation(j.at(t0, t0 + 20 * D), main, 'praise', 'r_praise', { followup: 'thanks', email: true });
  if (rng.chance(0.4)) j.purchase(j.at(t0, t0 + 30 * D), [j.bike], storeFor(rng, j.person.market));
};
