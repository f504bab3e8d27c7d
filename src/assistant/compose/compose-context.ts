import type { KnowledgeBase } from '../../knowledge/types.js';
import type { KnowledgeTools } from '../ports.js';
import type { CiteQuote } from './cite.js';
import type { TermWeight } from './relevance.js';
import type { BenefitsContext } from '../benefits/answer-benefits.js';

/** What the offline composers work with: the knowledge base, the tools and per-corpus helpers. */
export interface ComposeContext {
  kb: KnowledgeBase;
  tools: KnowledgeTools;
  cite: CiteQuote;
  knownYears: ReadonlySet<number>;
  termWeight: TermWeight;
  /** All document text, normalised: to tell whether a place the question names occurs at all. */
  corpusText: string;
  /** Entitlement cards and the law articles they cite. */
  benefits: BenefitsContext;
}
