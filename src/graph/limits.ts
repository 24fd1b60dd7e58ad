/** Largest tensor dimension we accept: beyond this, PyTorch itself would refuse or overflow int32 indexing. */
export const MAX_DIM = 2 ** 31 - 1;
/** Largest count (params, MACs, elements) that double arithmetic keeps exact. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;
