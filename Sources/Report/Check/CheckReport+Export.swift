import Foundation

extension CheckReport {
    /// The report as JSON, pretty printed with sorted keys like the results files. Every number in
    /// a report is finite (a change from 0 is `null`), so this fails only on a bug.
    public func jsonData() throws(ReportError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            throw .notEncodable(path: "", reason: "\(error)")
        }
    }

    /// One CSV record per figure compared, every number raw (empty where there is none), beside
    /// its row's status; a row with no figures to compare still gets a record, with its notes.
    public func csv() -> String {
        CSV.record(Self.csvColumns) + rows.flatMap { row in
            let key = [row.row.scenario, row.row.engine, String(row.row.issues), ReportTable.tuningLabel(row.row.tuning),
                       row.clock, String(row.verified), row.status.rawValue]
            let rowNotes = row.notes.map(\.description)
            guard !row.metrics.isEmpty else {
                return [CSV.record(key + Array(repeating: "", count: 9) + [rowNotes.joined(separator: "; ")])]
            }
            return row.metrics.map { m in
                CSV.record(key + [m.metric.rawValue, String(m.baseline), String(m.current),
                                  m.changePercent.map { String($0) } ?? "", String(m.thresholdPercent), m.method.rawValue,
                                  m.pValue.map { String($0) } ?? "", m.effectSize.map { String($0) } ?? "",
                                  m.status.rawValue, (rowNotes + m.notes.map(\.description)).joined(separator: "; ")])
            }
        }.joined()
    }

    static let csvColumns = ["scenario", "engine", "issues", "tuning", "clock", "verified", "rowStatus", "metric", "baseline",
                             "current", "changePercent", "thresholdPercent", "method", "pValue", "effectSize",
                             "status", "notes"]

    /// The report as `--format` asks; `useColor` only matters for `.table`.
    public func rendered(as format: OutputFormat, useColor: Bool) throws(ReportError) -> String {
        switch format {
        case .table: terminal(useColor: useColor)
        case .markdown: markdown()
        case .json: String(decoding: try jsonData(), as: UTF8.self) + "\n"
        case .csv: csv()
        }
    }
}
