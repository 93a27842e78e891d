/**
 * How each event kind looks on the timeline: a colour group and a line icon (24×24 SVG paths, drawn
 * with SVG attributes because the CSP forbids inline styles). Unknown kinds get a neutral dot.
 */

export type KindGroup = 'attention' | 'conversation' | 'commerce' | 'refund' | 'community' | 'signal' | 'other';

const BUBBLE = ['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z'];
const SHARE = ['M4 12v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8', 'M16 6l-4-4-4 4', 'M12 2v13'];
const PERSON = ['M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2', 'M9 11a4 4 0 1 0 0-8a4 4 0 0 0 0 8z'];

const KINDS: Record<string, { group: KindGroup; icon: readonly string[] }> = {
  visit: { group: 'attention', icon: ['M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z', 'M9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0'] },
  follow: { group: 'attention', icon: [...PERSON, 'M19 8v6', 'M22 11h-6'] },
  unfollow: { group: 'attention', icon: [...PERSON, 'M22 11h-6'] },
  like: { group: 'attention', icon: ['M20.8 4.6a5.5 5.5 0 0 0-7.8 0L12 5.7l-1-1.1a5.5 5.5 0 0 0-7.8 7.8l1 1.1L12 21l7.8-7.5 1-1.1a5.5 5.5 0 0 0 0-7.8z'] },
  mention: { group: 'conversation', icon: ['M12 16a4 4 0 1 0 0-8a4 4 0 0 0 0 8z', 'M16 8v5a3 3 0 0 0 6 0v-1a10 10 0 1 0-4 8'] },
  comment: { group: 'conversation', icon: BUBBLE },
  post: { group: 'conversation', icon: ['M12 20h9', 'M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z'] },
  message: { group: 'conversation', icon: BUBBLE },
  review: { group: 'conversation', icon: ['M12 2l3.1 6.3 6.9 1-5 4.9 1.2 6.8-6.2-3.2-6.2 3.2 1.2-6.8-5-4.9 6.9-1z'] },
  share: { group: 'conversation', icon: SHARE },
  referral: { group: 'conversation', icon: SHARE },
  purchase: { group: 'commerce', icon: ['M6 2L3 6v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6l-3-4z', 'M3 6h18', 'M16 10a4 4 0 0 1-8 0'] },
  refund: { group: 'refund', icon: ['M1 4v6h6', 'M3.5 15a9 9 0 1 0 2.1-9.4L1 10'] },
  newsletter_signup: { group: 'community', icon: ['M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z', 'M22 6l-10 7L2 6'] },
  idea: { group: 'community', icon: ['M13 2L3 14h9l-1 8 10-12h-9l1-8z'] },
  vote: { group: 'community', icon: ['M9 11l3 3L22 4', 'M21 12v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h11'] },
  biometric: { group: 'signal', icon: ['M22 12h-4l-3 9L9 3l-3 9H2'] },
};

const OTHER = { group: 'other' as const, icon: ['M9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0'] };

export const kindLook = (kind: string): { group: KindGroup; icon: readonly string[] } => KINDS[kind] ?? OTHER;
