/**
 * The buying personas: people look, ask, then buy (one order, several, or big ones), and a few have
 * a bad experience and say so everywhere. Purchases follow the interactions that led to them.
 */
import { CATALOGUE, isOnline, trafficSource, type Category, type Product } from './brand.js';
import type { Journal, Order } from './journal.js';
import {
  D, interestBike, likes, messageChannel, subscribe, pickProduct, privateQuestion, publicQuestion, regular, storeFor, visits,
} from './journeys.js';
import type { Random } from './random.js';
import { HOUR_MS } from './rhythm.js';
import type { Topic } from './texts.js';

const BIKES: readonly Category[] = ['city', 'cargo', 'ebike', 'kids'];
const isBike = (p: Product): boolean => BIKES.includes(p.category);

/** Distinct products of a category. */
const some = (rng: Random, category: Category, n: number): Product[] =>
  rng.shuffle([...CATALOGUE[category]]).slice(0, Math.min(n, CATALOGUE[category].length));

/** A basket led by one category: a bike with a few accessories, parts, or a service. */
export const basketOf = (rng: Random, category: Category): Product[] => {
  if (category === 'part') return some(rng, 'part', rng.int(1, 3));
  if (category === 'service') return [pickProduct(rng, 'service'), ...(rng.chance(0.3) ? some(rng, 'part', 1) : [])];
  const bike = pickProduct(rng, category);
  const extras = category === 'cargo' ? ['P-RAIN', 'P-SEAT', 'P-LIGHT'] : ['P-HELM', 'P-LOCK', 'P-LIGHT', 'P-BAGS'];
  const parts = CATALOGUE.part.filter((p) => extras.includes(p.sku) && rng.chance(0.35));
  return [bike, ...parts];
};

interface Plan {
  first: Readonly<Partial<Record<Category, number>>>;
  repeats: number;
  contact: number;
  newsletter: number;
  referral: number;
  early: boolean;
}

const PLANS: Readonly<Record<'buyer' | 'multi' | 'high', Plan>> = {
  buyer: { first: { part: 42, service: 24, city: 25, kids: 6, ebike: 2.5, cargo: 0.5 }, repeats: 0, contact: 0.5, newsletter: 0.35, referral: 0.04, early: false },
  multi: { first: { city: 42, ebike: 6, part: 28, service: 19, kids: 5 }, repeats: 3, contact: 0.6, newsletter: 0.7, referral: 0.3, early: true },
  high: { first: { ebike: 50, cargo: 50 }, repeats: 2, contact: 0.85, newsletter: 0.6, referral: 0.5, early: true },
};

/** The look-ask-buy path; returns the first order. */
const buyOnce = (j: Journal, t0: number, tBuy: number, basket: Product[], plan: Plan): Order | null => {
  const { rng, person } = j;
  visits(j, rng.int(2, 7), t0, tBuy);
  if (j.main !== null && rng.chance(0.6)) j.follow(j.at(t0, tBuy), j.main);
  likes(j, rng.int(0, 4), t0, tBuy);
  if (rng.chance(plan.contact)) {
    const topic: Topic = rng.choose({ intent: 60, q_warranty: 20, q_hours: 20 });
    if (j.main !== null && rng.chance(0.4)) publicQuestion(j, j.at(t0, tBuy - HOUR_MS), topic);
    // Half of them leave their email in the chat ("send me the offer"), which links the chat to the order.
    else privateQuestion(j, j.at(t0, tBuy - 2 * HOUR_MS), topic, rng.chance(0.5));
  }
  const store = storeFor(rng, person.market);
  if (rng.chance(plan.newsletter)) {
    if (rng.chance(0.5)) subscribe(j, tBuy + 60_000, 'checkout');
    else subscribe(j, j.at(t0, tBuy), 'footer');
  }
  if (isOnline(store)) j.visit(tBuy - rng.int(3, 40) * 60_000, undefined, '/checkout');
  const bike = basket.find(isBike);
  if (bike !== undefined) j.bike = bike;
  return j.purchase(tBuy, basket, store);
};

/** After the order: order questions, a review, praise, more likes. */
const afterwards = (j: Journal, order: Order): void => {
  const { rng, world: w } = j;
  if (order.online && rng.chance(0.25)) privateQuestion(j, j.at(order.t + D, order.t + 5 * D), 'q_order', true);
  if (rng.chance(0.1)) privateQuestion(j, j.at(order.t + 20 * D, w.now), rng.chance(0.6) ? 'q_warranty' : 'q_hours');
  if (rng.chance(0.04)) j.refund(j.at(order.t + 3 * D, order.t + 14 * D), order, order.amount, 'returned');
  visits(j, rng.int(1, 3), j.at(order.t + D, w.now), w.now);
  if (rng.chance(0.3)) j.review(j.at(order.t + 7 * D, order.t + 25 * D), rng.chance(0.88), order.items[0]!);
  if (j.main !== null && rng.chance(0.2)) {
    const t = j.at(order.t + 3 * D, w.now);
    if (rng.chance(0.5)) j.mention(t, j.main, 'mention');
    else publicQuestion(j, t, 'praise');
  }
  likes(j, rng.int(0, 6), order.t, w.now);
};

const buying = (kind: 'buyer' | 'multi' | 'high') => (j: Journal): void => {
  const { rng, world: w } = j;
  const plan = PLANS[kind];
  j.bike = interestBike(rng);
  const tBuy = plan.early ? j.at(w.from + 7 * D, w.now - 50 * D) : j.at(w.from + 10 * D, w.now - 6 * HOUR_MS);
  const t0 = Math.max(w.from, tBuy - Math.floor(rng.logBetween(1, 45) * D));
  const first = rng.choose(plan.first as Record<Category, number>);
  const order = buyOnce(j, t0, tBuy, basketOf(rng, first), plan);
  if (order === null) return;
  afterwards(j, order);
  let t = order.t;
  for (let i = 0; i < plan.repeats; i++) {
    if (i > 0 && rng.chance(0.3)) break;
    t += Math.floor(rng.logBetween(8, 60) * D);
    if (t > w.now) break;
    const category = kind === 'high' && i === 0 && rng.chance(0.3) ? rng.pick(['ebike', 'cargo'] as const) : rng.choose({ part: 55, service: 45 });
    if (rng.chance(0.5)) j.visit(t - rng.int(5, 120) * 60_000, trafficSource(rng, j.person.market, j.subscribed ? 'newsletter' : undefined));
    const next = j.purchase(t, basketOf(rng, category), storeFor(rng, j.person.market));
    if (next !== null && rng.chance(0.2)) j.review(j.at(t + 5 * D, t + 20 * D), true, next.items[0]!);
  }
  if (rng.chance(plan.referral)) j.referral(j.at(order.t + 14 * D, w.now), `NORD-${j.person.key.toUpperCase()}`);
  if (kind !== 'buyer' && rng.chance(kind === 'high' ? 0.5 : 0.3)) regular(j, j.at(order.t, order.t + 20 * D));
};

export const buyer = buying('buyer');
export const multi = buying('multi');
export const high = buying('high');

type Problem = 'delivery' | 'broken' | 'size';
const PROBLEM_TOPIC: Record<Problem, Topic> = { delivery: 'complaint_delivery', broken: 'complaint_broken', size: 'complaint_size' };
const PROBLEM_REASON: Record<Problem, string> = { delivery: 'late_delivery', broken: 'damaged', size: 'wrong_size' };

/** Buys, has a problem (late, broken, wrong size), complains privately and in public, maybe gets a refund. */
export const complainer = (j: Journal): void => {
  const { rng, world: w } = j;
  const inCrisis = rng.chance(0.45);
  const problem: Problem = inCrisis ? 'delivery' : rng.choose({ delivery: 40, broken: 40, size: 20 });
  const tBuy = inCrisis ? w.crisisAt - Math.floor(rng.between(12, 30) * D) : j.at(w.from + 7 * D, w.now - 14 * D);
  const category: Category = inCrisis ? 'cargo' : problem === 'size' ? rng.choose({ city: 60, part: 40 }) : rng.choose({ cargo: 10, ebike: 20, city: 45, part: 25 });
  const basket = basketOf(rng, category);
  j.bike = basket.find(isBike) ?? interestBike(rng);
  visits(j, rng.int(2, 6), Math.max(w.from, tBuy - Math.floor(rng.between(1, 20) * D)), tBuy);
  likes(j, rng.int(0, 5), w.from, tBuy);
  if (j.main !== null && rng.chance(0.5)) j.follow(j.at(w.from, tBuy), j.main);
  const store = problem === 'delivery' ? `webshop-${j.person.market}` : storeFor(rng, j.person.market);
  const order = j.purchase(tBuy, basket, store);
  if (order === null) return;

  const after = { delivery: [8, 16], broken: [10, 45], size: [2, 8] }[problem] as [number, number];
  const tC = inCrisis ? j.at(w.crisisAt, w.crisisAt + 36 * HOUR_MS) : j.at(tBuy + after[0] * D, tBuy + after[1] * D);
  const topic = PROBLEM_TOPIC[problem];
  const slots = { order: order.id };
  const angry = rng.chance(0.6);
  const end = j.conversation(tC, messageChannel(j), topic, rng.chance(0.8) ? 'r_complaint' : null, {
    slots, slow: rng.chance(0.5), email: true,
    followup: angry ? 'angry_followup' : rng.chance(0.4) ? 'thanks' : undefined,
    followupReply: angry && rng.chance(0.7) ? 'r_followup' : null,
  });
  if (j.main !== null) {
    for (let i = rng.int(2, 4); i > 0; i--) {
      const t = j.at(tC, tC + 5 * D);
      if (rng.chance(0.5)) j.comment(t, j.main, topic, rng.chance(0.6) ? 'r_public' : null, slots);
      else j.mention(t, j.main, inCrisis && rng.chance(0.6) ? 'crisis' : topic, slots);
    }
    if (rng.chance(0.25)) j.follow(j.at(tC + D, w.now), j.main, true);
  }
  if (rng.chance(problem === 'size' ? 0.8 : 0.5)) {
    const full = problem !== 'broken' || rng.chance(0.3);
    const amount = full ? order.amount : Math.round(order.amount * rng.between(0.1, 0.3));
    j.refund(j.at(end + 2 * D, end + 12 * D), order, amount, PROBLEM_REASON[problem]);
  }
  visits(j, rng.int(1, 3), tC - D, tC + 3 * D);
  if (rng.chance(0.6)) j.review(j.at(tC + D, tC + 10 * D), false, order.items[0]!, j.person.accounts.facebook ? 'facebook' : 'shop');
};
