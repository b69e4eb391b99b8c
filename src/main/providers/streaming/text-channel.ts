/**
 * Text pushed by a callback (a model interviewer's `onQuestionText`) as an async iterable the
 * next stage reads at its own pace (STYLE.md §10): pushes never wait for the reader, so a slow
 * voice never slows the model down, and what the reader has not taken yet waits here. One
 * reader. `end()` is the end of the stream: the reader gets what is left, then stops.
 */
export interface TextChannel {
  push(text: string): void;
  end(): void;
  readonly text: AsyncIterable<string>;
}

export function createTextChannel(): TextChannel {
  const waiting: string[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  async function* read(): AsyncGenerator<string> {
    for (;;) {
      if (waiting.length > 0) yield waiting.splice(0).join('');
      else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  return {
    push(text) {
      if (ended || !text) return;
      waiting.push(text);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    text: read(),
  };
}
