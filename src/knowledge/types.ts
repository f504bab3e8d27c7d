/**
 * The data model of the knowledge base. Loaders produce SourceDocuments; the pure pipeline
 * (normalise → split → extract figures) turns them into sections, chunks and figures.
 */

/** `law`: a law or regulation kept verbatim in knowledge/laws/, split by article. */
export type DocKind = 'report' | 'policy' | 'law' | 'other';

export interface SourceDocument {
  /** Path relative to the knowledge folder, posix separators, e.g. `policies/guide.md`. Stable id. */
  id: string;
  title: string;
  kind: DocKind;
  /** Issuing body, e.g. 全国人民代表大会常务委员会 (policy documents' front matter). */
  issuer?: string;
  /** ISO date the document (or the law it summarises) takes effect. */
  effectiveDate?: string;
  /** Where the content comes from, e.g. 《中华人民共和国退役军人保障法》(2020-11-11 通过). */
  sourceRef?: string;
  /** Id of the document that replaces this one; a superseded document is not cited as current. */
  supersededBy?: string;
  /** The year the document reports on (a work summary's year), when known. */
  year?: number;
  /** The document's text as extracted from its format (front matter removed). Quotes come from here. */
  text: string;
  /** sha256 of the raw file bytes. */
  hash: string;
}

/** A heading-delimited section of a document; chunks point at their enclosing section for context. */
export interface Section {
  id: string;
  docId: string;
  /** Heading titles from the top level down, e.g. ['一、工作开展情况', '（四）聚焦高效发展真抓实干']. */
  path: string[];
  /** Verbatim text of the section body (heading line included). */
  text: string;
}

/** A quotable passage: about 1–3 sentences, verbatim from the document. */
export interface Chunk {
  /** `${docId}#${order}` */
  id: string;
  docId: string;
  sectionId: string;
  sectionPath: string[];
  /** Verbatim original text; used as the citation quote. */
  text: string;
  /** Position of the chunk within its document (0-based). */
  order: number;
}

export type FigureKind = 'actual' | 'target';

/** A number-with-unit statement found automatically in a document. */
export interface ExtractedFigure {
  id: string;
  docId: string;
  sectionPath: string[];
  /** The phrase the number measures, e.g. 培训合格率, 网上祭扫, 烈士墓. */
  subject: string;
  /** Parsed value; null when the source masks the digits (`**`, `＊`, `×`). */
  value: number | null;
  /** The number as written in the source, e.g. `20000余`, `**％`, `四项`. */
  raw: string;
  /** Unit as written, normalised to half-width: `%`, `人次`, `名`, `万元`, `座`… */
  unit: string;
  year: number | undefined;
  kind: FigureKind;
  /** True for 余/多/以上 ("over") figures. */
  approximate: boolean;
  /** The verbatim sentence (or clause) the figure came from. */
  quote: string;
}

/** One curated value of a key indicator. */
export interface KpiValue {
  year: number;
  kind: FigureKind;
  /** null means the source masks it: answered as 未公开 / not disclosed. */
  value: number | null;
  /** Document id the quote comes from. */
  doc: string;
  /** Verbatim quote that states the value. */
  quote: string;
  note?: string;
  /** Set for values recorded by staff after the document (via /setkpi or the admin API). */
  updatedBy?: string;
  updatedAt?: string;
}

/** A curated key indicator from `knowledge/kpis.yaml`. */
export interface Kpi {
  id: string;
  nameZh: string;
  nameEn: string;
  aliases: string[];
  category: string;
  unit: string;
  values: KpiValue[];
}

export interface GlossaryEntry {
  /** The official term used in documents, e.g. 退役军人. */
  term: string;
  /** Colloquial Chinese variants, e.g. 老兵, 退伍军人, 当过兵的. */
  colloquial: string[];
  /** English words/phrases, lower case, e.g. veteran, veterans, ex-serviceman. */
  english: string[];
}

export interface BureauContact {
  name: string;
  hours: string;
  hotline: string;
  address: string;
  /** True while the bureau has not filled in real values (placeholders must be shown as such). */
  placeholder: boolean;
}

/** A knowledge file that could not be read; the rest still loads. */
export interface LoadProblem {
  file: string;
  reason: string;
}

/** One numbered article of a law (第十五条 → 15), verbatim. */
export interface LawArticle {
  number: number;
  /** e.g. 第二章 移交接收; '' before the first chapter heading. */
  chapter: string;
  /** The article's text, starting with 第X条, paragraphs joined by newlines. */
  text: string;
  /** Offset of the article in the document text. */
  offset: number;
}

/** A law document with its articles. */
export interface LawText {
  docId: string;
  title: string;
  /** The name citations use, e.g. 退役军人保障法. */
  shortTitle: string;
  articles: ReadonlyMap<number, LawArticle>;
}

/** The law article a card's claim rests on, with a verbatim quote from it. */
export interface CardBasis {
  /** Short title of the law, e.g. 退役军人保障法 (see lawShortTitle). */
  law: string;
  article: number;
  quote: string;
}

/**
 * An entitlement card (knowledge/cards/*.yaml): one thing a veteran may ask about, answered in
 * plain words with its legal basis, who qualifies and where to go.
 */
export interface EntitlementCard {
  id: string;
  /** The card file, e.g. cards/placement.yaml. */
  file: string;
  topic: string;
  title: string;
  titleEn: string;
  /** The question the card answers, in a veteran's words. */
  question: string;
  /** One to three sentences, the direct answer first. */
  answer: string;
  answerEn: string;
  who?: string;
  exceptions?: string;
  where?: string;
  whereEn?: string;
  /** What the law says to bring, or that it does not say. */
  bring?: string;
  /** What is left to national or local rules (amounts, procedures). */
  local?: string;
  basis: CardBasis[];
  related: string[];
  /** Sample phrasings written from the card itself. */
  phrasings: string[];
  keywords: string[];
}

export interface KnowledgeBase {
  documents: SourceDocument[];
  /** Laws and regulations in knowledge/laws/, by article. */
  laws: LawText[];
  /** Entitlement cards from knowledge/cards/*.yaml. */
  cards: EntitlementCard[];
  sections: Section[];
  chunks: Chunk[];
  figures: ExtractedFigure[];
  kpis: Kpi[];
  glossary: GlossaryEntry[];
  bureau: BureauContact | undefined;
  problems: LoadProblem[];
}
