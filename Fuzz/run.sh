#!/usr/bin/env bash
# Builds the libFuzzer targets (release by default, with AddressSanitizer) and runs each for
# a bounded time, then prints executions, coverage (cov), features (ft) and
# crashes per target.
#
#   Fuzz/run.sh                           every target for 60 s
#   FUZZ_SECONDS=300 Fuzz/run.sh          longer
#   Fuzz/run.sh FuzzProtocol              one target
#   FUZZ_CONFIGURATION=debug Fuzz/run.sh  unoptimised build
#
# The default build is release (-O) with the sanitizers: in debug the engine
# target ran about 30 inputs a second after an 18 s knowledge load, in
# release about 370 after 2.4 s. -O keeps Swift's bounds, overflow and
# precondition traps; only assert() goes, and the library uses it solely in
# socket code no target reaches.
#
# Output goes to fuzz-out/ at the repository root (git-ignored): per target a
# log, the corpus libFuzzer grew (seeded read-only from Fuzz/corpus/<target>/)
# and any crash-*/leak-*/timeout-*/oom-* input. libFuzzer writes to files, never
# into a pipe: piped into `tail` it was seen to hang.
# Exit status: 0 when no target found anything, 1 otherwise, 2 if the build failed.
# After files are added to the main package, a build that cannot find their
# types is reading a stale Fuzz/.build: remove it and run again.
set -uo pipefail

fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
out="$(dirname "$fuzz_dir")/fuzz-out"
seconds="${FUZZ_SECONDS:-60}"
configuration="${FUZZ_CONFIGURATION:-release}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(FuzzNormalizer FuzzEngine FuzzProtocol); fi
mkdir -p "$out"

# SwiftPM links each executable's main to <Module>_main, which the targets
# define to start libFuzzer's driver; -parse-as-library because no target has
# top-level code.
build=(swift build --package-path "$fuzz_dir" -c "$configuration" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
echo "building: ${build[*]}"
if ! "${build[@]}" > "$out/build.log" 2>&1; then
    grep -E "error" "$out/build.log" | grep -v "Cannot export local symbol" | head -40
    echo "build failed; see $out/build.log"
    exit 2
fi
bin="$("${build[@]}" --show-bin-path)"

# Questions and requests are short; longer inputs only slow the search down.
max_len() {
    case "$1" in
        FuzzProtocol) echo 2048 ;;
        *) echo 512 ;;
    esac
}

summary=()
found=0
for target in "${targets[@]}"; do
    dir="$out/$target"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    echo "fuzzing $target for $seconds s (log: $dir/log.txt)"
    # The first corpus directory is where libFuzzer adds inputs; the committed seeds are only read.
    # Swift's own crash backtracer reads the stack in a way ASan reports as an
    # error of its own, burying the real report: libFuzzer prints the stack instead.
    SWIFT_BACKTRACE=enable=no "$bin/$target" "$dir/corpus" "$fuzz_dir/corpus/$target" \
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -rss_limit_mb=4096 -timeout=30 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/" > "$dir/log.txt" 2>&1
    status=$?
    executions=$(grep -m1 "stat::number_of_executed_units" "$dir/log.txt" | awk '{print $2}')
    per_second=$(grep -m1 "stat::average_exec_per_sec" "$dir/log.txt" | awk '{print $2}')
    last=$(grep -E "^#[0-9]+" "$dir/log.txt" | tail -1)
    cov=$(echo "$last" | grep -oE "cov: [0-9]+" | awk '{print $2}')
    ft=$(echo "$last" | grep -oE "ft: [0-9]+" | awk '{print $2}')
    crashes=$(find "$dir/artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    load=$(grep -m1 "^fuzz: loaded" "$dir/log.txt" | sed 's/^fuzz: //')
    if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then found=1; fi
    summary+=("$(printf '%-15s exit %-3s executions %-9s exec/s %-6s cov %-6s ft %-7s crashes %s%s' \
        "$target" "$status" "${executions:-?}" "${per_second:-?}" "${cov:-?}" "${ft:-?}" "$crashes" "${load:+  ($load)}")")
done

echo
printf '%s\n' "${summary[@]}"
if [ "$found" -ne 0 ]; then
    echo "something was found: see fuzz-out/<target>/artifacts and log.txt; reproduce with <bin>/<target> <artifact>"
fi
exit "$found"
