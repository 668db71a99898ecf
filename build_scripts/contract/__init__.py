"""The data contract: the public API that ~40 regional tables write in YAML.

Holds the pydantic models, the vocabulary (every enum and every key with its Dutch label), the
contract's versions as a list of steps, the signal thresholds (norms), the Dutch notation of
values, and the JSON Schema writer. It imports nothing else of ours: every
other layer reads the contract, the contract reads no one.
"""
