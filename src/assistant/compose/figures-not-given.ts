/**
 * Figures the report does not give, though the question sounds like one it does: another year's
 * figure or a comparison with it, another place's, an exact place in a ranking it gives in bands.
 * Each gets that said, with what the report does state after it. Counts: counts-not-given.ts.
 */
import type { Language } from '../answer.js';
import type { Understanding } from '../understand/understand.js';
import type { CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { ASKS_TOTAL, givesAnAnswer } from './counts-not-given.js';
import { yearAsWritten } from './not-found.js';
import { COMPARES } from '../understand/intent.js';
import type { FigureCandidate } from './extracted-figure-answer.js';

/**
 * "2021年和2022年一共迁了多少座": an answer for the year held says plainly which named year is not,
 * and a total over a year not held is no total at all.
 */
export function withYearsNotHeld(u: Understanding, knownYears: ReadonlySet<number>, answer: Draft): Draft {
  const missing = u.years.filter((y) => !knownYears.has(y));
  if (missing.length === 0 || !givesAnAnswer(answer)) return answer;
  const which = missing.map((y) => yearAsWritten(u, y)).join(u.language === 'zh' ? '、' : ', ');
  // A passage without a figure compares nothing either ("慰问金去年比前年多了还是少了").
  if (answer.figures.length === 0 && !COMPARES.test(u.text)) return answer;
  if (ASKS_TOTAL.test(u.text)) {
    const text =
      u.language === 'zh'
        ? `现有资料中没有${which}的相关数据，给不出合计，我不作猜测。`
        : `The documents hold no figures for ${which}, so there is no total, and I won't guess.`;
    return draft('not_found', text, { settled: true });
  }
  // "2022年的1041座比上年多了多少": no comparison with a year not held; what is held still shows.
  if (COMPARES.test(u.text)) {
    const text =
      u.language === 'zh'
        ? `现有资料中没有${which}的相关数据，无法比较，我不作猜测。`
        : `The documents hold no figures for ${which}, so there is no comparison, and I won't guess.`;
    const held = answer.answer.includes(which) ? '' : `\n${answer.answer}`;
    return { ...answer, status: 'not_found', answer: `${text}${held}`, settled: true };
  }
  if (answer.answer.includes(which)) return answer;
  const note =
    u.language === 'zh'
      ? `现有资料中没有${which}的相关数据。`
      : `The documents hold no figures for ${which}.`;
  return { ...answer, answer: `${answer.answer}\n${note}` };
}

/** "跟邻市比，我们的就业培训做得怎么样": the city's record compared with other places'. */
const COMPARED_WITH_OTHERS =
  /(跟|和|与|比)[^，。？?]{0,3}(邻市|兄弟市州?|其他(地)?市州?|外市|别的市|周边(城)?市)|(邻市|兄弟市州?|其他(地)?市州?|别的市|周边(城)?市)[^，。？?]{0,6}(比|相比|对比|比较)|\b(compared? (with|to)|than) (other|neighbou?ring) (cities|city|prefectures?)\b/i;

/**
 * "其他市州各迁了多少座", "除了我们之外另外两个是哪两个": other places' own record is asked for,
 * which the city's report does not hold.
 */
const OTHER_PLACES_ASKED =
  /(其他|别的|另外|兄弟|周边|邻近)(地)?(市州|市|城市|地市|县区)[^，。？?]{0,12}(多少|几|哪|怎么样|如何)|除了?(我们|我市|本市|咱们?)(市|局)?(之外|以外)?[^，。？?]{0,8}(另外|其他|别的|还有)[^，。？?]{0,6}(哪|几|多少)|\b(other|neighbou?ring) (cities|prefectures)\b/i;

/** "和长沙比，哪个多": a place the documents never name, set against this city. */
const COMPARED_WITH_NAMED = /(?:跟|和|与|比)([\u4e00-\u9fff]{2,3}?)(?:市|州|县|区)?(?:比|相比|对比|比较)/;

/** The question compares the city's record with another place's. */
export function comparesWithOthers(question: string, corpusText: () => string): boolean {
  if (COMPARED_WITH_OTHERS.test(question) || OTHER_PLACES_ASKED.test(question)) return true;
  const named = COMPARED_WITH_NAMED.exec(question)?.[1];
  // 和去年比, 跟目标比, 和全省比 compare with the record's own years, targets or province. The
  // corpus is read only for a named comparison: building its text costs a one-shot run ~9 ms.
  return (
    named !== undefined && !/年|月|目标|计划|指标|省|全国|平均/.test(named) && !corpusText().includes(named)
  );
}

/**
 * The reports hold the city's own record, not other cities': a comparison is said to be missing,
 * with what the report does say of the city itself after it.
 */
export function comparisonNotHeld(
  question: string,
  answer: Draft,
  language: Language,
  corpusText: string,
): Draft | undefined {
  if (!comparesWithOthers(question, () => corpusText)) return undefined;
  const text =
    language === 'zh'
      ? '现有资料只有本市自己的情况，没有其他市州的数据，也无从对比，我不作猜测。'
      : "The documents only cover this city's own work and hold no figures for other cities to compare with, and I won't guess.";
  const own = givesAnAnswer(answer);
  const also = language === 'zh' ? '本市的情况：' : "What they say about this city's own work:";
  return {
    ...answer,
    ...draft('not_found', own ? `${text}\n${also}\n${answer.answer}` : text, {
      citations: own ? answer.citations : [],
      settled: true,
    }),
    figures: own ? answer.figures : [],
  };
}

/**
 * "移交安置工作在全省具体排第几名": the report ranks in bands (排位全省一档), not places. An exact
 * place asked for is not given; the band is said with its line.
 */
export function exactRankNotGiven(
  question: string,
  { figure, clause }: FigureCandidate,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  if (figure.unit !== '档' || !/(具体|准确|确切|精确)[^，。？?]{0,6}(第几|名次)|第几名/.test(question))
    return undefined;
  const text =
    language === 'zh'
      ? `总结没有写具体名次，只写了“${clause}”，我不作猜测。`
      : `The report gives no exact place, only the band: “${clause}”, and I won't guess.`;
  return draft('not_found', text, {
    citations: [cite(figure.docId, clause)].flatMap((c) => c ?? []),
    settled: true,
  });
}
