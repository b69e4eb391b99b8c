import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownInline, markdownParagraphs } from './markdown-escape';

/**
 * Issue #11: whatever a candidate or a model wrote reads back from a Markdown renderer as the
 * same text, and never as markup.
 */
const renderer = new MarkdownIt();

/** What a reader sees: the text of every paragraph, line breaks as newlines; and the kinds of token found. */
function read(markdown: string): { paragraphs: string[]; kinds: Set<string> } {
  const tokens = renderer.parse(markdown, {});
  const kinds = new Set(tokens.flatMap((token) => [token.type, ...(token.children ?? []).map((child) => child.type)]));
  const paragraphs = tokens
    .filter((token) => token.type === 'inline')
    .map((token) => (token.children ?? []).map((child) => (child.type === 'text' ? child.content : child.type.endsWith('break') ? '\n' : '')).join(''));
  return { paragraphs, kinds };
}

const TRICKY_LINES = [
  '# heading',
  '###### six',
  'Setext underline\n===',
  'Setext\n---',
  '- item',
  '+ item',
  '* item',
  '1. first',
  '12) twelfth',
  '> quote',
  '    indented code',
  '\tindented by a tab',
  '```js\nfence\n```',
  '~~~\nfence\n~~~',
  '`code` and ``more``',
  '**bold** __bold__ *em* _em_ ~~strike~~',
  '[link](http://127.0.0.1:9/) ![image](x.png) <http://127.0.0.1:9/>',
  '[ref]: http://127.0.0.1:9/ "title"',
  '<script>alert(1)</script>',
  '<b>bold</b> <!-- comment -->',
  '| a | b |\n| --- | --- |\n| 1 | 2 |',
  '&amp; &copy; &#65; &#x41;',
  'back\\slash at the end\\',
  'two spaces at the end  ',
  '   three leading spaces',
  'Café 中文 🎉👍🏽 naïve',
  'a_b_c 2*3*4 snake_case_name',
  '***',
  '___',
  'x'.repeat(5000),
];

describe('Markdown escaping', () => {
  for (const text of TRICKY_LINES) {
    it(`reads back ${JSON.stringify(text.slice(0, 30))} as written`, () => {
      const { paragraphs, kinds } = read(markdownParagraphs(text));
      expect(paragraphs).toEqual([text]);
      expect([...kinds].sort()).toEqual(['hardbreak', 'inline', 'paragraph_close', 'paragraph_open', 'text'].filter((kind) => kind !== 'hardbreak' || text.includes('\n')));
    });
  }

  it('keeps paragraphs apart and lines within them', () => {
    expect(read(markdownParagraphs('first line\nsecond line\n\n\nnext paragraph')).paragraphs).toEqual(['first line\nsecond line', 'next paragraph']);
    expect(read(markdownParagraphs('windows\r\nlines')).paragraphs).toEqual(['windows\nlines']);
  });

  it('makes one line for a heading or a table cell, and drops reordering controls', () => {
    expect(markdownInline('a\nb')).toBe('a b');
    expect(read(`## ${markdownInline('Question # 1 ##')}`).paragraphs).toEqual(['Question # 1 ##']);
    expect(markdownInline('evil\u202Etxt.exe')).toBe('eviltxt.exe');
  });
});
