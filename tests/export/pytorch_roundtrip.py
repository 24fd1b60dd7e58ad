"""Runs files that `cnn-graph export --format pytorch` wrote, in PyTorch, for tests/export/pytorch.test.ts.

Reads a JSON list of {"name", "file", "input": [C, H, W]} on stdin. For each file: imports it,
calls build(), counts the parameters, and runs a forward on torch.zeros(1, C, H, W) in eval mode
with a hook on every leaf module. Prints one JSON object: name -> {"params", "output",
"modules": {path: [output shape without the batch, once per call]}} or {"error": traceback}.
All files run in this one process, since importing torch costs seconds.
"""
import importlib.util
import json
import sys
import traceback

try:
    import torch
except ImportError:
    print('PyTorch is not installed for /usr/bin/python3: apt-get install -y python3-torch python3-torchvision', file=sys.stderr)
    sys.exit(3)

torch.set_num_threads(1)


def shapes(out):
    if isinstance(out, torch.Tensor):
        return list(out.shape[1:])
    return [shapes(o) for o in out]


def run(entry):
    spec = importlib.util.spec_from_file_location('exported_' + str(abs(hash(entry['file']))), entry['file'])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.build().eval()
    calls = {}
    for path, m in model.named_modules():
        if path and next(m.children(), None) is None:
            m.register_forward_hook(lambda _m, _i, out, path=path: calls.setdefault(path, []).append(shapes(out)))
    with torch.no_grad():
        out = model(torch.zeros(1, *entry['input']))
    return {'params': sum(p.numel() for p in model.parameters()), 'output': shapes(out), 'modules': calls}


results = {}
for entry in json.load(sys.stdin):
    try:
        results[entry['name']] = run(entry)
    except Exception:
        results[entry['name']] = {'error': traceback.format_exc()}
print(json.dumps(results))
