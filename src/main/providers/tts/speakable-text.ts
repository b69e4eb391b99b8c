/**
 * The question as plain words for a system voice. Voices read some text as instructions:
 * espeak-ng and macOS `say` take `[[…]]` as phonemes or embedded commands (`[[volm 0]]`,
 * `[[slnc 5000]]`), and control characters can start escape sequences. A question about
 * nested arrays (`[[1, 2], [3]]`) must be read out, not obeyed, so `[[` and `]]` are split
 * and control characters become spaces. Line breaks and tabs stay: they are pauses.
 */
export function speakableText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
      .replace(/\[(?=\[)/g, '[ ')
      .replace(/\](?=\])/g, '] ')
      .trim()
  );
}
