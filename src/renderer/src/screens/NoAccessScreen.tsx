/** Browser mode opened without the link's token: say what happened and how to get in. */
export function NoAccessScreen() {
  return (
    <main className="no-access" data-testid="no-access">
      <h1>This page needs its access link</h1>
      <p>
        Browser mode only answers pages opened with the private link it prints when it starts, so other
        websites and programs cannot reach your interviews.
      </p>
      <ol>
        <li>
          Start it with <code>npm run serve</code>.
        </li>
        <li>
          Open the <code>url</code> from the line that begins with <code>READY</code> (it ends with{' '}
          <code>#token=…</code>). Pasting it into this tab is enough: the page connects as soon as it has the link.
        </li>
      </ol>
    </main>
  );
}
