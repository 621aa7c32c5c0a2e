import Measurement
import Scenario

/// Sets each claimed figure beside what was measured and what the workload allows at best.
///
/// A pure function of the claims and the summaries, so the runner, `report` and tests all reach the
/// same verdicts. The summaries are one scenario's: claims name an engine and a size, not a scenario.
public enum ClaimEvaluator {
    /// The engine every speed-up and memory saving is relative to.
    public static let baselineEngine = "phase1"
    /// A claim is reproduced when the measurement reaches this fraction of it (within 5 %).
    public static let reproducedFraction = 0.95

    /// One verdict per claim, or per size the engine ran for a claim about every size (`issues == nil`).
    /// `defaultTunings` (each engine's default tunables) picks the default row where a size ran in
    /// several tunings; without it, the first row is used.
    public static func evaluate(_ claims: [Claim], summaries: [Summary],
                                defaultTunings: [String: [String: Double]] = [:]) -> [ClaimVerdict] {
        let rows = Rows(summaries: summaries, defaultTunings: defaultTunings)
        return claims.flatMap { claim -> [ClaimVerdict] in
            guard claim.issues == nil else { return [verdict(claim, issues: claim.issues, rows)] }
            let sizes = Set(summaries.filter { $0.engine == claim.engine }.map(\.issues)).sorted()
            // An engine that never ran still gets its verdict: "not measured", about every size.
            guard !sizes.isEmpty else { return [verdict(claim, issues: nil, rows)] }
            return sizes.map { verdict(claim, issues: $0, rows) }
        }
    }

    /// The highest speed-up over phase1 the workload allows at `row`'s size: its bound over phase1's
    /// median throughput; `nil` without a bound or a verified phase1 row.
    static func speedupBound(of row: Summary, in summaries: [Summary]) -> Double? {
        speedupBound(of: row, Rows(summaries: summaries, defaultTunings: [:]))
    }

    /// One scenario's summaries, looked up by engine and size.
    private struct Rows {
        var summaries: [Summary]
        var defaultTunings: [String: [String: Double]]

        /// The engine's row at that size: the one in its default tuning if known, else the first.
        func row(_ engine: String, issues: Int) -> Summary? {
            let candidates = summaries.filter { $0.engine == engine && $0.issues == issues }
            if let defaults = defaultTunings[engine], let row = candidates.first(where: { $0.tuning == defaults }) {
                return row
            }
            return candidates.first
        }
    }

    private static func verdict(_ claim: Claim, issues: Int?, _ rows: Rows) -> ClaimVerdict {
        let row = issues.flatMap { rows.row(claim.engine, issues: $0) }
        let (measured, bound) = row.map { figures(claim.metric, of: $0, rows) } ?? (nil, nil)
        let verdict: ClaimVerdict.Verdict
        if let row, row.verified, let measured {
            if let bound, claim.value > bound {
                verdict = .beyondBound
            } else {
                verdict = measured >= Self.reproducedFraction * claim.value ? .reproduced : .notReproduced
            }
        } else {
            verdict = .notMeasured
        }
        return ClaimVerdict(engine: claim.engine, issues: issues, metric: claim.metric.rawValue, claimed: claim.value,
                            measured: verdict == .notMeasured ? nil : measured, bound: bound, verdict: verdict,
                            source: claim.source)
    }

    /// What `row` measured for `metric`, and the most any engine could reach (`nil` where no bound applies).
    private static func figures(_ metric: Claim.Metric, of row: Summary, _ rows: Rows) -> (Double?, Double?) {
        switch metric {
        case .throughput:
            return (row.throughput.median, row.bound)
        case .speedup:
            return (row.speedupVsPhase1, speedupBound(of: row, rows))
        case .memorySavingsPercent:
            return (row.memoryVsPhase1.map { (1 - $0) * 100 }, nil)
        case .compressionPercent:
            // An engine that compressed nothing saved nothing: 0 %, not "not measured".
            return (row.compressionPercent ?? 0, nil)
        }
    }

    private static func speedupBound(of row: Summary, _ rows: Rows) -> Double? {
        let baseline = rows.row(baselineEngine, issues: row.issues)
            .flatMap { $0.verified && $0.throughput.median > 0 ? $0.throughput.median : nil }
        return row.bound.flatMap { bound in baseline.map { bound / $0 } }
    }
}
