import Measurement

/// A figure a sweep shows a table of, one cell per grid point and engine.
public enum SweepMetric: CaseIterable, Sendable {
    case throughput
    case p99Latency
    case peakRSS

    public var title: String {
        switch self {
        case .throughput: "Throughput"
        case .p99Latency: "p99 latency"
        case .peakRSS: "Peak RSS"
        }
    }

    public var unit: String {
        switch self {
        case .throughput: "issues/s"
        case .p99Latency: "ms"
        case .peakRSS: "MiB"
        }
    }

    /// "Throughput (issues/s)": the heading of the metric's table.
    public var heading: String { "\(title) (\(unit))" }

    /// The row's figure, written for people.
    func text(_ row: Summary) -> String {
        switch self {
        case .throughput: NumberFormat.figure(row.throughput.median)
        case .p99Latency: NumberFormat.figure(row.latencyMs.p99)
        case .peakRSS: NumberFormat.mebibytes(row.peakRSSBytes)
        }
    }
}
