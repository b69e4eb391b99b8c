/**
 * What a question asks for, read from its wording (issue #8): a story ("tell me about a time"),
 * a definition, a comparison (and its two sides), trade-offs, steps, reasons, an example.
 * A custom question without a close bank question gets a rubric built from this.
 */
export type Ask = 'definition' | 'comparison' | 'trade-offs' | 'steps' | 'reasons' | 'example';

export interface QuestionShape {
  story: boolean;
  asks: Ask[];
  /** For a comparison: the two things compared, as written. */
  sides?: [string, string];
}

const STORY =
  /\b(?:tell me about (?:a|an|the|one|your) (?:time|situation|occasion|moment|project|mistake|failure|conflict|disagreement|decision|example)|tell me about a (?:\w+ )?(?:time|situation)|describe (?:a|an|one) (?:time|situation|occasion|moment|case|project|instance|conflict|disagreement|mistake|failure|decision)|give (?:me )?an example of (?:a|an|when|how|the) (?:time|situation)?|give (?:me )?an example of (?:when|how) you|have you ever|share (?:a|an) (?:time|story|example|experience)|walk me through a (?:time|situation|project)|can you think of a time|what is a (?:time|situation) when|recall a time|what(?:'s| is) the (?:hardest|biggest|toughest|most difficult) \w+ you(?:'ve| have)?)\b/;

const ASKS: [Ask, RegExp][] = [
  ['comparison', /\b(?:difference|differences|differ|compare|comparison|versus|vs\.?|contrast|(?:when|why) would you (?:use|choose|pick|prefer) \S+(?: \S+)? (?:over|instead of|rather than))\b/],
  ['trade-offs', /\b(?:trade-?offs?|pros and cons|advantages?|disadvantages?|downsides?|drawbacks?|risks?|costs?|benefits?|pitfalls?|when (?:not|wouldn't) )\b/],
  ['steps', /\b(?:how (?:would|do|did|can|should) you|how to|walk (?:me )?through|steps?|approach|design|debug|diagnose|troubleshoot|migrate|implement|set up|handle|investigate|plan|scale)\b/],
  ['reasons', /\b(?:why|what for|purpose|what problem|the point of)\b/],
  ['definition', /\b(?:what (?:is|are|does)|what's|define|explain|meaning of|what do you mean|how does|how do)\b/],
  ['example', /\b(?:example|instance|when have you)\b/],
];

const SIDES = [
  /\bdifferences? between (?:an? |the )?(.+?) and (?:an? |the )?(.+?)(?:[?.,;]|$| in | for | when )/,
  /\bcompare (?:an? |the )?(.+?) (?:and|with|to|versus|vs\.?) (?:an? |the )?(.+?)(?:[?.,;]|$| in | for | when )/,
  /(?:^|\b(?:is|are|use|choose|pick|prefer) )(?:an? |the )?([\w-]+(?: [\w-]+)?) (?:vs\.?|versus|or|over|instead of|rather than) (?:an? |the )?([\w-]+(?: [\w-]+)?)\b/,
];

export function shapeOf(questionText: string): QuestionShape {
  const lower = questionText.toLowerCase();
  const story = STORY.test(lower);
  const asks = ASKS.filter(([, pattern]) => pattern.test(lower)).map(([ask]) => ask);
  let sides: [string, string] | undefined;
  if (asks.includes('comparison')) {
    for (const pattern of SIDES) {
      const match = pattern.exec(lower);
      if (match?.[1] && match[2]) {
        sides = [match[1].trim(), match[2].trim()];
        break;
      }
    }
  }
  // "Explain X" alone is a definition; a question with no recognisable ask is answered directly.
  return { story, asks: asks.length > 0 ? asks : ['definition'], ...(sides ? { sides } : {}) };
}
