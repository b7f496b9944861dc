/**
 * The fixed wording of composed answers: abstentions, dispute leads, referrals and refusals. Everything else an answer
 * says is a cited quote or a verdict recorded in the library. Referrals and refusals are one sentence each, naming the
 * professional first, so the opening sentence always carries the referral.
 */
import type { Concern } from './question-analysis.ts';

/** User-facing wording of composed answers. */
export const answerMessages = {
  notCovered:
    "The coaching library does not cover that question, so I won't guess. Ask about leg, glute or back training, the pump, recovery, or eating and sleeping for training.",
  disagree: 'The sources disagree:',
  lowReliabilityClaim: 'One low-reliability source says:',
  /** Said after the covered parts of a question when another part is not covered. */
  partNotCovered: "The coaching library does not cover the rest of your question, so I won't guess there.",
  /** The verdict on one amount against the library's range ("No — 5 hours is below the 7–9 hours the library gives."). */
  amountVerdict: (yes: boolean, amount: string, relation: 'below' | 'within' | 'above', range: string) =>
    `${yes ? 'Yes' : 'No'} — ${amount} is ${relation === 'within' ? 'within' : relation === 'below' ? 'below' : 'more than'} the ${range} the library gives.`,
} as const;

/**
 * The opening sentence of an answer to a question carrying a concern. An injury gets a physio or doctor, a medical
 * condition a doctor (and a dietitian when it is about food), a drug request a refusal and a doctor.
 */
export const concernMessages: Readonly<Record<Concern, string>> = {
  injury:
    "If something hurts or you think you're injured, stop that movement and see a physiotherapist or a doctor, because I can't diagnose an injury or plan training around one.",
  medical:
    'With a medical condition, check with your doctor before you train hard, because I can only share general coaching advice, not medical advice.',
  'medical-diet':
    'With a medical condition, ask your doctor or a registered dietitian what to eat, because I can only share general coaching advice, not a medical diet.',
  unsafe:
    "I can't help with steroids, SARMs, fat burners like clenbuterol or other drugs used without a prescription; please talk to a doctor about the risks instead.",
};
