/**
 * The part of ONNX's protobuf schema that cnn-graph reads, written here as a
 * protobufjs JSON descriptor (the field names and numbers of onnx.proto, ONNX
 * IR version 8; nothing of its text is copied), and decoded by protobufjs,
 * a maintained protobuf library: no wire decoding is done by hand.
 *
 * Left out on purpose, so protobufjs skips them without building them:
 * subgraphs (If/Loop bodies, which cnn-graph refuses by operator anyway),
 * float_data and double_data (weights written as repeated floats instead of
 * raw_data: their values are never needed, only their shapes, and decoding a
 * large one into an array would take seconds), training_info, functions and
 * doc strings.
 *
 * Pure TypeScript with no Node imports: the browser decodes with it too.
 */
import protobuf from 'protobufjs/light.js';

const DESCRIPTOR = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            ir_version: { type: 'int64', id: 1 },
            opset_import: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
            producer_name: { type: 'string', id: 2 },
            producer_version: { type: 'string', id: 3 },
            graph: { type: 'GraphProto', id: 7 },
          },
        },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            op_type: { type: 'string', id: 4 },
            domain: { type: 'string', id: 7 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            type: { type: 'int32', id: 20 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            s: { type: 'bytes', id: 4 },
            t: { type: 'TensorProto', id: 5 },
            floats: { rule: 'repeated', type: 'float', id: 7 },
            ints: { rule: 'repeated', type: 'int64', id: 8 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            data_type: { type: 'int32', id: 2 },
            int32_data: { rule: 'repeated', type: 'int32', id: 5 },
            int64_data: { rule: 'repeated', type: 'int64', id: 7 },
            name: { type: 'string', id: 8 },
            raw_data: { type: 'bytes', id: 9 },
            data_location: { type: 'int32', id: 14 },
          },
        },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
        TypeProto: { fields: { tensor_type: { type: 'TypeProtoTensor', id: 1 } } },
        TypeProtoTensor: { fields: { elem_type: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
        TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
        Dimension: { fields: { dim_value: { type: 'int64', id: 1 }, dim_param: { type: 'string', id: 2 } } },
      },
    },
  },
};

/** protobufjs gives int64 fields as a Long (or a number where no Long library is bundled). */
export type Int64 = number | { low: number; high: number; toNumber(): number };

export interface TensorProto {
  dims: Int64[];
  data_type: number;
  int32_data: number[];
  int64_data: Int64[];
  name: string;
  raw_data: Uint8Array;
  data_location: number;
}
export interface AttributeProto {
  name: string;
  type: number;
  f: number;
  i: Int64;
  s: Uint8Array;
  t: TensorProto | null;
  floats: number[];
  ints: Int64[];
}
export interface NodeProto {
  input: string[];
  output: string[];
  name: string;
  op_type: string;
  domain: string;
  attribute: AttributeProto[];
}
export interface Dimension {
  dim_value: Int64;
  dim_param: string;
}
export interface ValueInfoProto {
  name: string;
  type: { tensor_type: { elem_type: number; shape: { dim: Dimension[] } | null } | null } | null;
}
export interface GraphProto {
  node: NodeProto[];
  name: string;
  initializer: TensorProto[];
  input: ValueInfoProto[];
  output: ValueInfoProto[];
}
export interface ModelProto {
  ir_version: Int64;
  opset_import: { domain: string; version: Int64 }[];
  producer_name: string;
  producer_version: string;
  graph: GraphProto | null;
}

/** AttributeProto.AttributeType values used here. */
export const ATTRIBUTE = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7 } as const;
/** TensorProto.DataType values used here. */
export const DATA_TYPE = { FLOAT: 1, INT32: 6, INT64: 7, DOUBLE: 11, FLOAT16: 10 } as const;

let root: protobuf.Root | undefined;

/** The message types of the subset (the tests encode files with them: hostile ones, and operators torch does not export). */
export const onnxType = (name: 'ModelProto' | 'GraphProto' | 'NodeProto' | 'TensorProto'): protobuf.Type => (root ??= protobuf.Root.fromJSON(DESCRIPTOR)).lookupType(`onnx.${name}`);

/** Decodes a ModelProto; throws protobufjs's error (with its byte offset) on bytes that are not one. */
export function decodeModelProto(bytes: Uint8Array): ModelProto {
  return onnxType('ModelProto').decode(bytes) as unknown as ModelProto;
}

/** An int64 as a number (exact up to 2^53; beyond, rounded, which every check here refuses anyway). */
export const int64 = (v: Int64 | undefined | null): number => (v == null ? 0 : typeof v === 'number' ? v : v.toNumber());
