/**
 * Saves a file that `reports.export` or `history.exportCsv` made (issue #11). The page fetches
 * the download URL and hands the bytes to the browser as a download with the file's name: in
 * browser mode that is the browser's download, in the app Electron's save dialog. Fetching
 * first, rather than following a link, keeps the page where it is and lets a failure be said.
 */
export async function saveExportedFile(file: { fileName: string; url: string }): Promise<void> {
  let response: Response;
  try {
    response = await fetch(file.url);
  } catch {
    throw new Error('The file could not be downloaded. Check the connection to the app and export it again.');
  }
  if (!response.ok) throw new Error('The file is no longer waiting to be saved. Export it again.');
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its bytes once it started; the object URL can go a little later.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
