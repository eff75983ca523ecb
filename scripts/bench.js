// @ts-check
// `npm run bench`: the bundled action (dist/index.js), run as a child process the way the runner
// runs it, against the local fakes of Composio and GitHub with injected per-request latency.
// Prints markdown (stdout) that pastes into docs/benchmarks.md as is; progress goes to stderr.
// A measurement, not a test: it says which budgets are met (wall ≤ 1.6 × floor, window ≤ 1.3
// round trips, at 100 ms × 10 targets) but exits 1 only when a run went wrong (wrong request
// counts, a target without the new secret, a probe left behind) or the fake GitHub saw a
// request that breaks GitHub's OpenAPI description.
//
//   node scripts/bench.js [--runs N] [--quick] [--latencies 0,50,100] [--targets 1,3,10]
//                         [--no-baseline] [--node PATH] [--dist DIR] [--json FILE]
//
// --runs N       runs per scenario (default 9; medians are reported)
// --quick        3 runs, latency 0 and 100 ms × 1 and 10 targets: a smoke run, not for the doc
// --latencies, --targets   other scenarios (comma-separated; 1 to 10 targets)
// --no-baseline  skip the sequential baseline (scripts/bench-sequential.js)
// --node     the Node binary that runs the action, the baseline and bare `node -e 0`
//            (default: this process's; `npm run bench` passes Node 24's)
// --dist     the bundle directory (default dist/), copied to a temporary directory first
// --json     also write every sample to FILE
// --no-scale / --scale-only   skip / run only the runs at 1 to 100 targets (scripts/bench/scale.js)
//
// --no-outage   skip the outage bench (scripts/bench/outage.js: rotation → receiver confirmed)
// --no-cloudflare  skip the outage with a Cloudflare Worker target (scripts/bench/cloudflare.js,
//                  --cloudflare-runs N, default 3)
// --no-startup  skip start-up with and without an AWS target (scripts/bench/startup.js,
//               --startup-runs N, default 9, 3 with --quick)
//
// scripts/bench/run.js orchestrates; scripts/bench/measure.js runs and reads one child process;
// scripts/bench/footprint.js measures peak RSS and loaded files; scripts/bench/report.js writes
// the markdown.
import { cloudflareOutage } from './bench/cloudflare.js'
import { outage } from './bench/outage.js'
import { main } from './bench/run.js'
import { scale } from './bench/scale.js'
import { startup } from './bench/startup.js'

const argv = process.argv.slice(2)
const only = argv.includes('--scale-only')
let code = only ? 0 : await main(argv)
/** Each further part, unless the run is --scale-only or its flag skips it. */
const parts = /** @type {const} */ ([
  ['--no-outage', outage],
  ['--no-cloudflare', cloudflareOutage],
  ['--no-startup', startup]
])
for (const [skip, part] of parts) if (!only && !argv.includes(skip)) code ||= await part(argv)
process.exitCode = code || (await scale(argv))
