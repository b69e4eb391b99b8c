/**
 * Bumped whenever a message or call changes shape in a way an older client cannot read.
 * Sent in `session_started` so a client can tell it is talking to a compatible engine.
 */
export const PROTOCOL_VERSION = 1;
