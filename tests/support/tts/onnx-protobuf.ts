/**
 * Just enough of ONNX's protobuf encoding to write a small model by hand, so the tests can
 * build one without a new dependency or a download. Field numbers are those of onnx.proto
 * (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto); only what the synthetic Piper
 * model needs is here.
 */

export const ELEM_FLOAT = 1;
export const ELEM_INT64 = 7;

const ATTRIBUTE_INT = 2;

type Field = Buffer;

/** Protobuf varint; negative numbers take ten bytes (two's complement), as int64 does. */
function varint(value: number | bigint): Buffer {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest ? low | 0x80 : low);
  } while (rest);
  return Buffer.from(bytes);
}

const tag = (field: number, wireType: 0 | 2): Buffer => varint((field << 3) | wireType);
const int = (field: number, value: number | bigint): Field => Buffer.concat([tag(field, 0), varint(value)]);
const bytes = (field: number, value: Buffer): Field => Buffer.concat([tag(field, 2), varint(value.length), value]);
const text = (field: number, value: string): Field => bytes(field, Buffer.from(value, 'utf8'));
const message = (field: number, parts: Field[]): Field => bytes(field, Buffer.concat(parts));

export interface TensorInit {
  name: string;
  type: typeof ELEM_FLOAT | typeof ELEM_INT64;
  dims: number[];
  values: number[];
}

/** TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian). */
function tensor(field: number, init: TensorInit): Field {
  const raw = Buffer.alloc(init.values.length * (init.type === ELEM_FLOAT ? 4 : 8));
  init.values.forEach((value, i) => {
    if (init.type === ELEM_FLOAT) raw.writeFloatLE(value, i * 4);
    else raw.writeBigInt64LE(BigInt(value), i * 8);
  });
  return message(field, [...init.dims.map((dim) => int(1, dim)), int(2, init.type), text(8, init.name), bytes(9, raw)]);
}

export interface ValueInit {
  name: string;
  type: typeof ELEM_FLOAT | typeof ELEM_INT64;
  /** A number is a fixed size, a string a named (dynamic) one. */
  shape: (number | string)[];
}

/** ValueInfoProto { name = 1, type = 2: TypeProto { tensor_type = 1 { elem_type = 1, shape = 2 } } }. */
function valueInfo(field: number, init: ValueInit): Field {
  const dims = init.shape.map((dim) => message(1, [typeof dim === 'number' ? int(1, dim) : text(2, dim)]));
  return message(field, [text(1, init.name), message(2, [message(1, [int(1, init.type), message(2, dims)])])]);
}

export interface NodeInit {
  op: string;
  inputs: string[];
  outputs: string[];
  /** Integer attributes only (Gather's axis, Cast's to). */
  attributes?: Record<string, number>;
}

/** NodeProto { input = 1, output = 2, name = 3, op_type = 4, attribute = 5 { name = 1, i = 3, type = 20 } }. */
function node(init: NodeInit, index: number): Field {
  const attributes = Object.entries(init.attributes ?? {}).map(([name, value]) =>
    message(5, [text(1, name), int(3, value), int(20, ATTRIBUTE_INT)]),
  );
  return message(1, [
    ...init.inputs.map((name) => text(1, name)),
    ...init.outputs.map((name) => text(2, name)),
    text(3, `${init.op.toLowerCase()}_${index}`),
    text(4, init.op),
    ...attributes,
  ]);
}

export interface ModelInit {
  opset: number;
  inputs: ValueInit[];
  outputs: ValueInit[];
  initializers: TensorInit[];
  nodes: NodeInit[];
  metadata: Record<string, string>;
}

/**
 * ModelProto { ir_version = 1, producer_name = 2, graph = 7, opset_import = 8, metadata_props = 14 }
 * with GraphProto { node = 1, name = 2, initializer = 5, input = 11, output = 12 }.
 */
export function encodeOnnxModel(model: ModelInit): Buffer {
  const graph = message(7, [
    ...model.nodes.map(node),
    text(2, 'synthetic'),
    ...model.initializers.map((init) => tensor(5, init)),
    ...model.inputs.map((init) => valueInfo(11, init)),
    ...model.outputs.map((init) => valueInfo(12, init)),
  ]);
  return Buffer.concat([
    // IR version 7 goes with opset 13 and is read by every onnxruntime since 1.7.
    int(1, 7),
    text(2, 'interview-tests'),
    graph,
    message(8, [text(1, ''), int(2, model.opset)]),
    ...Object.entries(model.metadata).map(([key, value]) => message(14, [text(1, key), text(2, value)])),
  ]);
}
