import Contract

/// An absolute limit a run's summary must meet, written `ENGINE.METRIC OP NUMBER`:
/// `phase3.throughput >= 200`, `phase3.p99LatencyMs < 500`.
public struct Threshold: Sendable, Equatable, CustomStringConvertible {
    /// The summary figures a threshold can test.
    public enum Metric: String, Sendable, CaseIterable {
        case throughput, efficiency
        case p50LatencyMs, p95LatencyMs, p99LatencyMs
        case peakRSSMiB, cpuSeconds, wallSeconds
        case apiCalls, rateLimited, retries
    }

    public enum Comparison: String, Sendable, CaseIterable {
        case atLeast = ">="
        case atMost = "<="
        case above = ">"
        case below = "<"
        case equal = "=="

        /// Whether `measured OP limit` holds.
        public func holds(_ measured: Double, _ limit: Double) -> Bool {
            switch self {
            case .atLeast: measured >= limit
            case .atMost: measured <= limit
            case .above: measured > limit
            case .below: measured < limit
            case .equal: measured == limit
            }
        }
    }

    public let engine: String
    public let metric: Metric
    public let op: Comparison
    public let value: Double
    /// As written in the scenario, for messages.
    private let text: String

    public init(engine: String, metric: Metric, op: Comparison, value: Double) {
        self.engine = engine
        self.metric = metric
        self.op = op
        self.value = value
        self.text = "\(engine).\(metric.rawValue) \(op.rawValue) \(format(value))"
    }

    /// Parses `ENGINE.METRIC OP NUMBER` (spaces around OP optional; NUMBER in JSON syntax).
    public init?(parsing text: String) {
        let utf8 = Array(text.utf8)
        guard let opStart = utf8.firstIndex(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "=") })
        else { return nil }
        let opLength = utf8.dropFirst(opStart + 1).first == UInt8(ascii: "=") ? 2 : 1
        guard let op = Comparison(rawValue: String(decoding: utf8[opStart..<opStart + opLength], as: UTF8.self)),
              let dot = utf8[..<opStart].lastIndex(of: UInt8(ascii: "."))
        else { return nil }
        let engine = Self.trimmed(utf8[..<dot])
        let rhs = Self.trimmed(utf8[(opStart + opLength)...])
        guard !engine.isEmpty, !engine.contains(where: \.isWhitespace),
              let metric = Metric(rawValue: Self.trimmed(utf8[(dot + 1)..<opStart])),
              let number = try? JSONValue.parse(Array(rhs.utf8), file: ""), let value = number.doubleValue,
              value.isFinite
        else { return nil }
        self.engine = engine
        self.metric = metric
        self.op = op
        self.value = value
        self.text = text
    }

    /// Whether a measured figure meets the threshold.
    public func isMet(by measured: Double) -> Bool { op.holds(measured, value) }

    /// The threshold as written.
    public var description: String { text }

    /// Thresholds are equal when they test the same thing, however they were spaced.
    public static func == (a: Threshold, b: Threshold) -> Bool {
        (a.engine, a.metric, a.op, a.value) == (b.engine, b.metric, b.op, b.value)
    }

    /// How the expected form reads in an error message.
    static let form = "a threshold ENGINE.METRIC OP NUMBER, with METRIC one of "
        + Metric.allCases.map(\.rawValue).joined(separator: ", ")
        + " and OP one of " + Comparison.allCases.map(\.rawValue).joined(separator: ", ")

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
