#!/usr/bin/env bash
# cldr-eval.sh: an independent evaluation of exonym's matching on data the
# team did not write. Country and territory names from Unicode CLDR
# (npm package cldr-localenames-full; locales en, ar, ckb, ku, fa, tr) become
# the glossary; the names Debian's iso-codes package gives for the same
# countries (English name, official name, common name, and their ar, ckb,
# kmr, fa and tr translations) become the queries.
#
# Usage: scripts/cldr-eval.sh [WORK]
#   WORK  folder for the downloads and generated files (default: a new
#         mktemp folder). Nothing is written into the repository.
#
# Needs: npm (for `npm pack`), apt-get and dpkg-deb (Debian/Ubuntu), go, tar.
# Prints the eval report for the queries, then for the control rows whose
# query is exactly a CLDR name (expected to resolve every time).
set -euo pipefail

# Pinned: the newest version `npm view cldr-localenames-full versions`
# listed when this script was written.
CLDR_VERSION=48.2.0

die() {
	echo "cldr-eval: $*" >&2
	exit 1
}

for tool in npm apt-get dpkg-deb go tar; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed; it is needed (npm for the CLDR package, apt-get and dpkg-deb for Debian's iso-codes, go to build and run exonym)"
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${1:-$(mktemp -d -t exonym-cldr-eval.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
echo "cldr-eval: work folder $work" >&2
start=$(date +%s)

# CLDR territory names from the npm registry.
cldr_dir=$work/cldr
if [[ ! -f $cldr_dir/package/package.json ]]; then
	(cd "$work" && npm pack --silent "cldr-localenames-full@$CLDR_VERSION" >/dev/null) ||
		die "npm pack cldr-localenames-full@$CLDR_VERSION failed (is the npm registry reachable?)"
	rm -rf "$cldr_dir" && mkdir -p "$cldr_dir"
	tar -xzf "$work/cldr-localenames-full-$CLDR_VERSION.tgz" -C "$cldr_dir"
fi

# Debian's iso-codes .deb, downloaded (not installed) and extracted.
iso_dir=$work/iso-codes
shopt -s nullglob
debs=("$work"/iso-codes_*.deb)
if ((${#debs[@]} == 0)); then
	# apt-get download needs package lists; fetch them once when there are none.
	if ! apt-cache show iso-codes >/dev/null 2>&1; then
		echo "cldr-eval: no package lists; running apt-get update" >&2
		apt-get update -qq || die "apt-get update failed (are you root, and is the Debian archive reachable?)"
	fi
	# Run in $work: apt-get download saves into the current folder.
	if ! out=$(cd "$work" && apt-get download -q iso-codes 2>&1); then
		echo "$out" >&2
		die "apt-get download iso-codes failed (see above; run apt-get update as root, or put an iso-codes_*.deb into $work by hand)"
	fi
	debs=("$work"/iso-codes_*.deb)
	((${#debs[@]} > 0)) || die "apt-get download iso-codes left no iso-codes_*.deb in $work"
fi
deb=${debs[-1]}
iso_version=$(dpkg-deb -f "$deb" Version) || die "$deb: not a readable .deb"
rm -rf "$iso_dir" && mkdir -p "$iso_dir"
dpkg-deb -x "$deb" "$iso_dir"

echo "cldr-eval: cldr-localenames-full $CLDR_VERSION, iso-codes $iso_version ($(basename "$deb"))" >&2

cd "$repo"
go run ./internal/cmd/cldreval --cldr "$cldr_dir" --isocodes "$iso_dir" --isocodes-version "$iso_version" --out "$work"

echo
echo "# Queries: iso-codes names that are not CLDR names of the same country in the same language"
go run ./cmd/exonym eval --glossary "$work/cldr-glossary.csv" "$work/isocodes-queries.tsv"
echo
echo "# Control: iso-codes names identical to a CLDR name of the same country in the same language"
go run ./cmd/exonym eval --glossary "$work/cldr-glossary.csv" "$work/isocodes-identical.tsv"

echo "cldr-eval: done in $(($(date +%s) - start)) s; files in $work" >&2
