import Foundation
import Report

/// The absolute thresholds of a run (`phase3.throughput >= 200`), one line each, on stderr
/// beside the table.
enum ThresholdLines {
    static func render(_ outcomes: [ThresholdOutcome]) -> String {
        var lines = ["thresholds:"]
        for o in outcomes {
            let measured = o.measured.map { "measured \(format($0))" } ?? (o.problem?.description ?? "not measured")
            let where_ = o.row.map { " at \($0.issues) issues" } ?? ""
            lines.append("  \(o.passed ? "✓" : "✗") \(o.scenario): \(o.threshold)\(where_) — \(measured)")
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        abs(value) >= 100 ? String(Int(value.rounded())) : String(format: "%.3g", value)
    }
}
