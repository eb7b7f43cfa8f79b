#!/usr/bin/env bash
# Side by side: `powertheory power` against the numpy baseline (batched Jacobi value iteration, absolute stopping rule
# γ/(1−γ)·‖ΔV‖∞ < 1e-8) on the slippery gridworlds of issue #11, one run each, wall time per sample including process
# start. Usage:
#   BENCH_DIR=/path/to/bench bash benchmarks/stochastic-side-by-side.sh
# BENCH_DIR holds the team's numpy_power.py, gridworld_json.py and maps/map20.txt (not part of this repository);
# numpy and scipy must be installed. Give the run the machine alone. Figures go to docs/performance.md by hand.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${BENCH_DIR:?set BENCH_DIR to the folder with numpy_power.py, gridworld_json.py and maps/}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/PowerTheory.Cli -c Release -v q -nologo >/dev/null
cli=src/PowerTheory.Cli/bin/Release/net10.0/linux-x64/PowerTheory.Cli

python3 "$BENCH_DIR/gridworld_json.py" --map "$BENCH_DIR/maps/map20.txt" --slip 0.1 -o "$work/map20s.json"
python3 "$BENCH_DIR/gridworld_json.py" --open 30x30 --slip 0.1 -o "$work/open30s.json"
python3 "$BENCH_DIR/gridworld_json.py" --open 100x100 --slip 0.1 -o "$work/open100s.json"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

printf '| %-22s | %-5s | %-28s | %-28s | %-6s |\n' workload gamma "numpy ms/sample (samples)" "powertheory ms/sample (samples)" ratio
# workload file gamma numpy-samples ours-samples
while read -r name file gamma ns os; do
  ours=$(seconds "$cli" power "$work/$file" --gamma "$gamma" --samples "$os" --seed 1 --no-progress --format json)
  ours_ms=$(echo "1000 * $ours / $os" | bc -l)
  if [[ "$ns" == "-" ]]; then
    printf '| %-22s | %-5s | %-28s | %-28s | %-6s |\n' "$name" "$gamma" "–" "$(printf '%.3f (%d)' "$ours_ms" "$os")" "–"
    continue
  fi
  base=$(seconds python3 "$BENCH_DIR/numpy_power.py" "$work/$file" --gamma "$gamma" --samples "$ns" --seed 1)
  base_ms=$(echo "1000 * $base / $ns" | bc -l)
  printf '| %-22s | %-5s | %-28s | %-28s | %-6s |\n' "$name" "$gamma" "$(printf '%.2f (%d)' "$base_ms" "$ns")" \
    "$(printf '%.3f (%d)' "$ours_ms" "$os")" "$(printf '%.1fx' "$(echo "$base_ms / $ours_ms" | bc -l)")"
done <<'TABLE'
map20-slip0.1 map20s.json 0.99 300 3000
open30x30-slip0.1 open30s.json 0.99 100 1000
open100x100-slip0.1 open100s.json 0.99 5 400
map20-slip0.1 map20s.json 1 - 500
TABLE
