import { withoutBidiControls } from '../text-safety';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML character data or an attribute value: never markup, never a reordering control. */
export const escapeHtml = (text: string): string => withoutBidiControls(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
