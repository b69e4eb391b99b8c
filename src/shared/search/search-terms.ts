/**
 * What a History search looks for, the same in the search box and in the database: words
 * and numbers in any alphabet (the FTS5 index's unicode61 tokens). Everything else, "%" and
 * "🚀" included, only separates them, so "50%" is a search for "50" and a wildcard can never
 * be typed. A search with no words at all finds nothing and says so, rather than listing
 * everything (issue #9).
 */
export const MAX_SEARCH_TERMS = 8;

export const NOTHING_TO_SEARCH = 'Search needs letters or numbers.';

export function searchTerms(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []).slice(0, MAX_SEARCH_TERMS);
}
