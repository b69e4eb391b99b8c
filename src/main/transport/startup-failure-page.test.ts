import { describe, expect, it } from 'vitest';
import { startupFailurePage, startupFailureUrl } from './startup-failure-page';

describe('the window the app shows when it cannot start', () => {
  const sentence = 'The interview database /home/ana/<Interview> & "Practice"/interviews.sqlite cannot be used (it cannot be opened).';

  it('says the sentence with its path as text, never as markup', () => {
    const page = startupFailurePage(sentence);
    expect(page).toContain('/home/ana/&lt;Interview&gt; &amp; &quot;Practice&quot;/interviews.sqlite');
    expect(page).not.toContain('<Interview>');
  });

  it('runs no script and loads nothing', () => {
    const page = decodeURIComponent(startupFailureUrl(sentence).replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).not.toMatch(/<script|src=|href=/i);
  });
});
