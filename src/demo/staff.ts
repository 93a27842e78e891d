/**
 * The demo workspace's staff: one person per role (and a trainee), with passwords written in the
 * README so anyone can try each role. Demo only: never use these accounts on a real store.
 */
import type { Role } from '../app/access.js';

export interface DemoPerson {
  email: string;
  name: string;
  password: string;
  role: Role;
  trainee: boolean;
}

export const DEMO_STAFF: readonly DemoPerson[] = [
  { email: 'admin@demo.pulse', name: 'Mette Holm', password: 'pulse-demo-admin', role: 'admin', trainee: false },
  { email: 'head@demo.pulse', name: 'Jonas Berg', password: 'pulse-demo-head', role: 'head_of_social', trainee: false },
  { email: 'pr@demo.pulse', name: 'Sofie Lund', password: 'pulse-demo-pr', role: 'pr', trainee: false },
  { email: 'marketing@demo.pulse', name: 'Lars Kjær', password: 'pulse-demo-marketing', role: 'marketing', trainee: false },
  { email: 'care@demo.pulse', name: 'Ida Nielsen', password: 'pulse-demo-care', role: 'care_agent', trainee: false },
  { email: 'trainee@demo.pulse', name: 'Emil Dahl', password: 'pulse-demo-trainee', role: 'care_agent', trainee: true },
  { email: 'analyst@demo.pulse', name: 'Giulia Conti', password: 'pulse-demo-analyst', role: 'analyst', trainee: false },
];

export const DEMO_POLICY = `Social media policy of Cykelværkstedet Nord (demo)

1. We answer every public question within four working hours, in the customer's language.
2. We never discuss prices, refunds or compensation in public: move the talk to a private message.
3. We do not share customers' personal data (orders, addresses, phone numbers) in public.
4. We stay friendly and factual, also with angry customers. No sarcasm, no arguments.
5. Influencers and press go to the head of social or PR before anyone answers.
6. When in doubt, ask the head of social before you post.`;
