"""The JSON Schema of the mediabias record (``report.schema.json``)."""

import json
from importlib.resources import files


def load_schema() -> dict:
    return json.loads(files(__name__).joinpath("report.schema.json").read_text(encoding="utf-8"))
