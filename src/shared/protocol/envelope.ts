import { z } from 'zod';
import { CallErrorShape } from './calls';

/**
 * How calls ride on the WebSocket (DESIGN.md §4.4). Over IPC the same calls go through
 * `invoke`, so these frames exist only in browser mode.
 */
const RpcId = z.union([z.string().min(1).max(64), z.number().int()]);

export const RpcRequest = z.object({
  type: z.literal('rpc'),
  id: RpcId,
  method: z.string().min(1).max(64),
  params: z.unknown().optional(),
});
export const RpcResult = z.object({ type: z.literal('rpc_result'), id: RpcId, result: z.unknown() });
export const RpcError = z.object({ type: z.literal('rpc_error'), id: RpcId, error: CallErrorShape });

export type RpcRequest = z.infer<typeof RpcRequest>;
export type RpcResult = z.infer<typeof RpcResult>;
export type RpcError = z.infer<typeof RpcError>;
