import { normaliseNewlines, withoutBidiControls } from '../text-safety';

/**
 * Text anyone wrote, made literal in CommonMark (and GitHub's tables and strikethrough): every
 * character that can start markup anywhere in a line gets a backslash, and so does the one
 * that would make a line a heading, quote, list item, rule or setext underline. Spaces at the
 * ends of a line become character references, so they are neither dropped nor read as a hard
 * break or an indented code block. What a Markdown renderer shows is the text as written.
 */
const INLINE_MARKUP = /[\\`*_[\]<>&|~#!]/g;
const LINE_START = /^([-+=>]|\d{1,9}[.)])/;

export function escapeMarkdownLine(line: string): string {
  const escaped = line.replace(INLINE_MARKUP, (char) => `\\${char}`).replace(LINE_START, (lead) => `${lead.slice(0, -1)}\\${lead.slice(-1)}`);
  const leading = /^[ \t]+/.exec(escaped)?.[0] ?? '';
  const trailing = /[ \t]+$/.exec(escaped.slice(leading.length))?.[0] ?? '';
  const middle = escaped.slice(leading.length, escaped.length - trailing.length);
  return spaceReferences(leading) + middle + spaceReferences(trailing);
}

const spaceReferences = (spaces: string): string => spaces.replace(/ /g, '&#32;').replace(/\t/g, '&#9;');

/**
 * A block of text as Markdown paragraphs: blank lines separate paragraphs, and the lines of a
 * paragraph are kept apart by hard breaks (a backslash at the end of the line). `indent`
 * continues the text inside a list item.
 */
export function markdownParagraphs(text: string, indent = ''): string {
  return paragraphsOf(text)
    .map((lines) => lines.map((line, i) => (i === 0 ? '' : indent) + escapeMarkdownLine(line)).join('\\\n'))
    .join(`\n\n${indent}`);
}

/** One line of text for a heading or a table cell, where line breaks cannot be. */
export const markdownInline = (text: string): string => escapeMarkdownLine(normaliseNewlines(withoutBidiControls(text)).replace(/\s*\n\s*/g, ' '));

export function paragraphsOf(text: string): string[][] {
  return normaliseNewlines(withoutBidiControls(text))
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => paragraph.split('\n'));
}
