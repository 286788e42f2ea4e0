#!/usr/bin/env bash
# Reproduces docs/benchmarks.md: builds exonym, generates synthetic glossaries
# of 10,000, 100,000 and 1,000,000 entities (seed 1), and runs `exonym bench
# run` on each at 1, 8 and 64 concurrent clients, every server on loopback.
# Takes about 20 minutes on 2 cores; needs about 6 GiB of disk.
#
#   scripts/bench-report.sh                    # all three sizes
#   SIZES="10000 100000" scripts/bench-report.sh
#   MEMORY_LIMIT=1300MiB scripts/bench-report.sh   # passed as --memory-limit
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-"10000 100000 1000000"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/exonym" ./cmd/exonym
out=docs/benchmarks.md
tmp="$work/benchmarks.md"
{
  echo "# Benchmarks"
  echo
  echo "Written by \`scripts/bench-report.sh\` on $(date -u +%Y-%m-%d). Each table is one \`exonym bench run\`:"
  echo "the server and its clients in one process on loopback, each workload run for 2 s at"
  echo "each concurrency, its latency percentiles in microseconds and the ratios to the floor"
  echo "(an RPC that does nothing, on the same server and connection) measured in the same run."
  echo "Before its first measurement each workload runs every one of its queries once, untimed."
  echo "The accuracy table resolves each query of the resolve workloads once more."
  echo
  echo "Machine: $(nproc) CPUs ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)),"
  echo "$(free -g | awk '/^Mem:/ {print $2}') GiB of memory, $(go version | cut -d' ' -f3), $(uname -sr)."
  if [ -n "${MEMORY_LIMIT:-}" ]; then
    echo "Go memory limit: $MEMORY_LIMIT."
  fi
} > "$tmp"
for n in $sizes; do
  "$work/exonym" bench gen --entities "$n" --seed 1 --out "$work/g$n.csv" 2>/dev/null
  {
    echo
    echo "## $n entities"
    echo
  } >> "$tmp"
  "$work/exonym" bench run --glossary "$work/g$n.csv" --queries "$work/g$n.queries.tsv" \
    --data "$work/index-$n" --concurrency 1,8,64 --duration 2s \
    ${MEMORY_LIMIT:+--memory-limit "$MEMORY_LIMIT"} >> "$tmp"
  rm -rf "$work/index-$n" "$work/g$n.csv"
done
mv "$tmp" "$out"
echo "wrote $out"
