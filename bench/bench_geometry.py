"""Display geometry benchmark: payload and fidelity of the simplified municipality layer.

Prints ratios against the raw layer measured in the same process (no timing assertions anywhere):
payload bytes, worst relative area change, coverage validity (gaps/overlaps), and build time of
coverage-preserving simplification versus serialising the raw geometry.

    python bench/bench_geometry.py
"""

from __future__ import annotations

import time

from destinations.data.base import load_base
from destinations.data.geo import simplification_report, simplify_coverage, to_compact_geojson
from destinations.settings import DISPLAY_CRS, load_settings


def main() -> None:
    settings = load_settings()
    base = load_base(settings)
    frame = base.municipalities
    start = time.perf_counter()
    raw = to_compact_geojson(frame.to_crs(DISPLAY_CRS), ["code"])
    raw_seconds = time.perf_counter() - start
    print(f"raw layer: {len(raw.encode()):,} bytes, serialised in {raw_seconds * 1000:.0f} ms")
    print(f"{'tolerance m':>12} {'bytes':>10} {'vs raw':>8} {'max area err':>13} {'no gaps':>8} "
          f"{'build ms':>9} {'time vs raw':>11}")
    for tolerance in (50, 100, settings.display_tolerance_m, 200, 300):
        start = time.perf_counter()
        to_compact_geojson(simplify_coverage(frame, tolerance), ["code"])
        seconds = time.perf_counter() - start
        report = simplification_report(frame, tolerance)
        marker = "  <- app setting" if tolerance == settings.display_tolerance_m else ""
        print(f"{tolerance:>12.0f} {report.simplified_bytes:>10,} {report.simplified_bytes / len(raw.encode()):>8.3f} "
              f"{report.max_area_error:>13.4%} {str(report.coverage_valid):>8} {seconds * 1000:>9.0f} "
              f"{seconds / raw_seconds:>11.2f}{marker}")
    print("targets: municipality layer <= 350,000 bytes, area within 1 %, no gaps/overlaps")


if __name__ == "__main__":
    main()
