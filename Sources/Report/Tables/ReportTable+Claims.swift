import Measurement

extension ReportTable {
    /// Claimed figures beside measured ones and the bound, with the verdict.
    public static func claims(_ verdicts: [ClaimVerdict]) -> ReportTable {
        let rows = verdicts.map { claim -> [Cell] in
            [Cell(claim.engine),
             Cell(claim.issues.map(NumberFormat.integer) ?? "every"),
             Cell(metricLabel(claim.metric)),
             Cell(NumberFormat.exact(claim.claimed)),
             Cell(NumberFormat.figure(claim.measured)),
             Cell(NumberFormat.figure(claim.bound)),
             Cell(claim.verdict.rawValue, tone(of: claim.verdict)),
             Cell(claim.source)]
        }
        return ReportTable(columns: claimsColumns, rows: rows)
    }

    static let claimsColumns: [Column] = [
        Column("engine", .left),
        Column("size", unit: "issues"),
        Column("metric", .left),
        Column("claimed"),
        Column("measured"),
        Column("bound"),
        Column("verdict", .left),
        Column("source", .left),
    ]

    /// A claim's metric with its unit, since one column holds figures of several kinds.
    static func metricLabel(_ metric: String) -> String {
        switch metric {
        case "throughput": "throughput (issues/s)"
        case "speedup": "speed-up vs phase1 (×)"
        case "memorySavingsPercent": "memory saved vs phase1 (%)"
        case "compressionPercent": "compression saving (%)"
        default: metric
        }
    }

    static func tone(of verdict: ClaimVerdict.Verdict) -> Tone {
        switch verdict {
        case .reproduced: .good
        case .notReproduced: .bad
        case .beyondBound: .warning
        case .notMeasured: .muted
        }
    }
}
