"""Ingest the seed article into a fresh record, export it and score it with ../shared/seed/check_seed.py.

Fails only when fewer expectations pass than the floor in eval/baseline.json (``seed.min_passed``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed"
ONRECORD = Path(sys.executable).parent / "onrecord"


def main() -> int:
    article = SEED / "putin-xi-videoconference.txt"
    if not article.exists():
        print("seed: ../shared/seed not found, nothing to score")
        return 0
    floor = int(json.loads((ROOT / "eval" / "baseline.json").read_text())["seed"]["min_passed"])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seed.db"
        subprocess.run(
            [str(ONRECORD), "ingest", str(article), "--published", "2025-01-21", "--db", str(db)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        export = subprocess.run(
            [str(ONRECORD), "export", "--format", "jsonl", "--db", str(db)], check=True, capture_output=True, text=True
        ).stdout
        result = subprocess.run(
            [sys.executable, str(SEED / "check_seed.py"), "-", "--min", str(floor)],
            input=export,
            capture_output=True,
            text=True,
        )
    print(f"seed floor: {floor} expectations must pass")
    print(result.stdout.rstrip() or "seed: no output from check_seed.py")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
