"""The evaluation gate: run every extractor's evaluation and fail when a figure falls below its floor.

Floors live in eval/baseline.json and only rise. A figure may sit below its floor by the noise
allowance (``noise``, in the metric's own units) before the gate fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def run_one(name: str, spec: dict) -> tuple[bool, str]:
    cmd = [sys.executable, str(ROOT / spec["script"]), *spec.get("args", []), "--json"]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=spec.get("timeout", 600))
    took = time.monotonic() - t0
    if proc.returncode != 0:
        return False, f"{name}: exit {proc.returncode}\n{proc.stderr[-2000:]}"
    lines = [ln for ln in proc.stdout.strip().splitlines() if ln.strip()]
    try:
        metrics = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        return False, f"{name}: no JSON metrics on the last line of output"
    if metrics.get("skipped"):
        return True, f"{name}: skipped ({metrics.get('reason', 'no data')})"
    noise = float(spec.get("noise", 0.005))
    ok = True
    parts = []
    for key, floor in spec["floors"].items():
        got = metrics.get(key)
        if not isinstance(got, (int, float)):
            ok = False
            parts.append(f"{key}=missing (floor {floor})")
            continue
        passed = got >= floor - noise
        ok &= passed
        parts.append(f"{key}={got:.3f}{'' if passed else ' BELOW'} (floor {floor})")
    return ok, f"{name} [{took:.0f}s]: " + ", ".join(parts)


def main() -> int:
    if not SHARED.exists():
        print("eval gate: ../shared not found, nothing to measure")
        return 0
    baseline = json.loads((ROOT / "eval" / "baseline.json").read_text())
    failures = 0
    for name, spec in baseline.items():
        if name.startswith("_") or "script" not in spec:
            continue
        ok, line = run_one(name, spec)
        print(("PASS " if ok else "FAIL ") + line, flush=True)
        failures += not ok
    print(
        f"eval gate: {len(baseline) - failures} passed, {failures} failed" if failures else "eval gate: all floors held"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
