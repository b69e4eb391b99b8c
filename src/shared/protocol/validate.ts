import type { z } from 'zod';
import { calls, type CallMethod, type CallResult, type ValidCallParams } from './calls';
import { CLIENT_MESSAGE_TYPES, ClientMessage } from './client-messages';
import { RpcError, RpcRequest, RpcResult } from './envelope';
import { LIMITS } from './limits';
import { ServerMessage } from './server-messages';

/**
 * The one validation entry point both transports use (DESIGN.md §2: every message that
 * crosses a process boundary is validated on receipt). Failures come back as values with a
 * readable reason; nothing here throws on bad input, and no reason echoes the input's text,
 * so an answer never ends up in a log through an error message.
 */
export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Validation<T> => ({ ok: true, value });
const fail = <T>(error: string): Validation<T> => ({ ok: false, error });

/**
 * Zod's own wording for these names the offending keys, which are the client's (issue #9):
 * only the rule is told, and an invalid record key is left out of the path too. Every other
 * path segment is a field the schema declares (client-facing records have enum keys only).
 */
const KEY_RULES: Partial<Record<string, string>> = {
  unrecognized_keys: 'has a field that is not allowed',
  invalid_key: 'has a key that is not allowed',
};

function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const keyRule = KEY_RULES[issue.code];
    const segments = issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path;
    const path = segments.length > 0 ? segments.join('.') : '(message)';
    return `${path}: ${keyRule ?? issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return (parts.join('; ') + more).slice(0, LIMITS.errorMessageChars);
}

function check<T>(schema: z.ZodType<T>, raw: unknown): Validation<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : fail(describeIssues(parsed.error));
}

function typeOf(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
}

/** A JSON text frame, size-checked before it is parsed. */
export function decodeJsonFrame(text: string): Validation<unknown> {
  // Length in UTF-16 units is at most the UTF-8 byte length times one; a cheap first check.
  if (text.length > LIMITS.maxJsonFrameBytes || utf8ByteLength(text) > LIMITS.maxJsonFrameBytes) {
    return fail(`message is larger than ${LIMITS.maxJsonFrameBytes} bytes`);
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return fail('message is not valid JSON');
  }
}

function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** Said without the type itself (decisions.md: errors never echo input); a stale page is the likely cause. */
const UNKNOWN_TYPE = 'unknown message type; reload the page if the app was updated';

export function parseClientMessage(raw: unknown): Validation<ClientMessage> {
  const type = typeOf(raw);
  if (typeof type !== 'string') return fail('message has no string "type"');
  if (!(CLIENT_MESSAGE_TYPES as string[]).includes(type)) return fail(UNKNOWN_TYPE);
  return check(ClientMessage, raw);
}

export function parseServerMessage(raw: unknown): Validation<ServerMessage> {
  return check(ServerMessage, raw);
}

/** A frame from a browser-mode client: a session message or a call. */
export type ClientFrame =
  | { kind: 'message'; message: ClientMessage }
  | { kind: 'rpc'; request: RpcRequest };

export function parseClientFrame(raw: unknown): Validation<ClientFrame> {
  if (typeOf(raw) === 'rpc') {
    const request = check(RpcRequest, raw);
    return request.ok ? ok({ kind: 'rpc', request: request.value }) : request;
  }
  const message = parseClientMessage(raw);
  return message.ok ? ok({ kind: 'message', message: message.value }) : message;
}

/** A frame the browser-mode client receives: a session message or a call's answer. */
export type ServerFrame =
  | { kind: 'message'; message: ServerMessage }
  | { kind: 'rpc_result'; frame: RpcResult }
  | { kind: 'rpc_error'; frame: RpcError };

export function parseServerFrame(raw: unknown): Validation<ServerFrame> {
  const type = typeOf(raw);
  if (type === 'rpc_result') {
    const frame = check(RpcResult, raw);
    return frame.ok ? ok({ kind: 'rpc_result', frame: frame.value }) : frame;
  }
  if (type === 'rpc_error') {
    const frame = check(RpcError, raw);
    return frame.ok ? ok({ kind: 'rpc_error', frame: frame.value }) : frame;
  }
  const message = parseServerMessage(raw);
  return message.ok ? ok({ kind: 'message', message: message.value }) : message;
}

export function isCallMethod(method: unknown): method is CallMethod {
  return typeof method === 'string' && Object.hasOwn(calls, method);
}

export function parseCallParams<M extends CallMethod>(
  method: M,
  params: unknown,
): Validation<ValidCallParams<M>> {
  // The generic lookup is beyond TypeScript; the schema at calls[method] is the one these types come from.
  return check(calls[method].params as unknown as z.ZodType<ValidCallParams<M>>, params);
}

export function parseCallResult<M extends CallMethod>(
  method: M,
  result: unknown,
): Validation<CallResult<M>> {
  return check(calls[method].result as unknown as z.ZodType<CallResult<M>>, result);
}
