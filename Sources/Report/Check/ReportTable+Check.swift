extension ReportTable {
    /// One scenario's comparisons: a line per figure (and one for verification where either side
    /// failed it), each row's own notes under the table.
    static func check(_ rows: [RowComparison], emoji: Bool) -> ReportTable {
        var lines: [[Cell]] = []
        var notes: [Cell] = []
        for row in rows {
            let size = Cell(NumberFormat.integer(row.row.issues))
            if !row.verified || !row.baselineVerified {
                let status: CheckStatus = row.verified ? .warning : .regression
                func mark(_ verified: Bool) -> String { verified ? "✓" : "✗" }
                lines.append([statusCell(status, emoji: emoji), size, Cell(row.label), Cell("verified"),
                              Cell("\(mark(row.baselineVerified)) → \(mark(row.verified))"), Cell(""), Cell(""),
                              Cell(""), Cell(""), Cell("")])
            }
            for metric in row.metrics {
                lines.append([statusCell(metric.status, emoji: emoji), size, Cell(row.label),
                              Cell("\(metric.metric.rawValue) (\(metric.metric.unit))"),
                              Cell(metric.formattedValues),
                              Cell(CheckFormat.change(metric.changePercent)),
                              Cell(CheckFormat.threshold(metric.thresholdPercent)),
                              Cell(metric.pValue.map(CheckFormat.pValue) ?? (metric.method == .exact ? "exact" : NumberFormat.missing)),
                              Cell(metric.effectSize.map(signed) ?? NumberFormat.missing),
                              Cell(metric.notes.map(\.description).joined(separator: "; "))])
            }
            notes += row.notes.map { note in
                Cell("\(note.status.symbol(emoji: emoji)) \(row.label) at \(NumberFormat.integer(row.row.issues)) issues: \(note)",
                     note.status.tone)
            }
        }
        return ReportTable(columns: checkColumns, rows: lines, notes: notes)
    }

    static let checkColumns: [Column] = [
        Column("status", .left),
        Column("size", unit: "issues"),
        Column("engine", .left),
        Column("metric", .left),
        Column("baseline → current"),
        Column("change"),
        Column("threshold"),
        Column("p-value"),
        Column("effect"),
        Column("notes", .left),
    ]

    /// Each absolute threshold on each row it tested.
    static func thresholds(_ outcomes: [ThresholdOutcome], emoji: Bool) -> ReportTable {
        let rows = outcomes.map { outcome -> [Cell] in
            [statusCell(outcome.passed ? .pass : .regression, emoji: emoji, label: outcome.passed ? "met" : "failed"),
             Cell(outcome.scenario),
             Cell(outcome.threshold),
             Cell(outcome.row.map { NumberFormat.integer($0.issues) } ?? NumberFormat.missing),
             Cell(NumberFormat.figure(outcome.measured)),
             Cell(outcome.problem?.description ?? "")]
        }
        return ReportTable(columns: thresholdColumns, rows: rows)
    }

    static let thresholdColumns: [Column] = [
        Column("status", .left),
        Column("scenario", .left),
        Column("threshold", .left),
        Column("size", unit: "issues"),
        Column("measured"),
        Column("problem", .left),
    ]

    private static func statusCell(_ status: CheckStatus, emoji: Bool, label: String? = nil) -> Cell {
        Cell("\(status.symbol(emoji: emoji)) \(label ?? status.label)", status.tone)
    }

    /// A rank-biserial correlation with its sign: "+0.84", "-1.00".
    private static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : "") + NumberFormat.fixed(value, decimals: 2)
    }
}
