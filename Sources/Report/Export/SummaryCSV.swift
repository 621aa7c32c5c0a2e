import Contract
import Measurement

/// Summaries as CSV for spreadsheets and scripts: one row per summary, flat columns, every number raw.
///
/// Numbers are Swift's shortest round-tripping form ("1234.5", "1e-05"), so parsing a field gives
/// back the exact value; a missing figure is an empty field.
public enum SummaryCSV {
    /// The header, named after the JSON fields they flatten.
    public static let columns = fields.map(\.name)

    public static func render(_ summaries: [Summary]) -> String {
        CSV.record(columns) + summaries.map { row in CSV.record(fields.map { $0.value(row) }) }.joined()
    }

    private static let fields: [(name: String, value: @Sendable (Summary) -> String)] = [
        ("scenario", { $0.scenario }),
        ("engine", { $0.engine }),
        ("issues", { String($0.issues) }),
        ("tuning", { ReportTable.tuningLabel($0.tuning) }),
        ("workload", { row in
            (row.workload ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        }),
        ("clock", { $0.clock }),
        ("repetitions", { String($0.repetitions) }),
        ("throughputMedian", { raw($0.throughput.median) }),
        ("throughputMin", { raw($0.throughput.min) }),
        ("throughputMax", { raw($0.throughput.max) }),
        ("wallSeconds", { raw($0.wallSeconds) }),
        ("hostWallSeconds", { raw($0.hostWallSeconds) }),
        ("cpuSeconds", { raw($0.cpuSeconds) }),
        ("latencyP50Ms", { raw($0.latencyMs.p50) }),
        ("latencyP95Ms", { raw($0.latencyMs.p95) }),
        ("latencyP99Ms", { raw($0.latencyMs.p99) }),
        ("latencyMaxMs", { raw($0.latencyMs.max) }),
        ("peakRSSBytes", { String($0.peakRSSBytes) }),
        ("rssBeforeBytes", { String($0.rssBeforeBytes) }),
        ("apiCalls", { String($0.apiCalls) }),
        ("rateLimited", { String($0.rateLimited) }),
        ("retries", { String($0.retries) }),
        ("transientErrors", { String($0.transientErrors) }),
        ("duplicateWrites", { String($0.duplicateWrites) }),
        ("compressionPercent", { raw($0.compressionPercent) }),
        ("bound", { raw($0.bound) }),
        ("efficiency", { raw($0.efficiency) }),
        ("speedupVsPhase1", { raw($0.speedupVsPhase1) }),
        ("memoryVsPhase1", { raw($0.memoryVsPhase1) }),
        ("verified", { String($0.verified) }),
        ("failures", { $0.failures.joined(separator: "; ") }),
    ]

    private static func raw(_ value: Double) -> String { String(value) }
    private static func raw(_ value: Double?) -> String { value.map(raw) ?? "" }
}
