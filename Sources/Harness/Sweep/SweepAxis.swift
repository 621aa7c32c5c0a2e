import Contract
import Engines
import Foundation
import Report
import Scenario

/// One `--vary`: what it varies and the values it takes, checked before anything runs.
///
/// `phase3.maxConnections=1,2,4` varies an engine's tunable (the name starts with an engine's);
/// `api.latencyMs.fixed=1:100:10` sets a workload value by JSON path. Values are a comma-separated
/// list whose items are single values or inclusive `start:stop:step` ranges.
public struct SweepAxis: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case tunable(engine: String, parameter: String)
        case workload(path: String)
    }

    public var target: Target
    /// In the order given: numbers for a tunable (`format`ted), JSON text for a workload path.
    public var values: [String]
    /// The `--vary` as written, for messages.
    public var text: String

    /// "phase3.maxConnections" or "api.latencyMs.fixed".
    public var name: String {
        switch target {
        case let .tunable(engine, parameter): "\(engine).\(parameter)"
        case let .workload(path): path
        }
    }

    /// Parses and checks `text`: an engine's tunables are checked by `Tuning` itself (name, range,
    /// whole number), a workload value by the scenario's JSON patch (path syntax, JSON value).
    public init(parsing text: String) throws(HarnessError) {
        self.text = text
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw Self.usage("--vary: expected ENGINE.PARAM=v1,v2,... or PATH=v1,v2,..., found '\(text)'")
        }
        let name = String(text[..<eq])
        let list = String(text[text.index(after: eq)...])
        target = try Self.target(of: name, text: text)
        guard !list.isEmpty else { throw Self.usage("--vary \(text): no values, so the grid is empty") }
        var numeric = false
        if case .tunable = target { numeric = true }
        var values: [String] = []
        var seen: Set<String> = []
        for item in list.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            for value in try Self.expand(item, of: text, numeric: numeric) {
                guard seen.insert(value).inserted else { throw Self.usage("--vary \(text): \(value) is given twice") }
                values.append(value)
            }
        }
        self.values = values
        try check()
    }

    /// The engine whose tunable this axis varies, `nil` for a workload axis.
    public var engine: String? {
        if case let .tunable(engine, _) = target { return engine }
        return nil
    }

    /// The patch that sets `value` on a workload axis: `issues.counts` takes a one-element list.
    func patch(_ value: String) -> WorkloadPatch? {
        guard case let .workload(path) = target else { return nil }
        return WorkloadPatch(path: path, value: path == SweepDimension.sizePath ? "[\(value)]" : value)
    }

    // MARK: - Parsing

    /// A tunable when the name starts with an engine's; a misspelt engine is an error; anything
    /// else is a workload path, which the scenario decoder checks.
    private static func target(of name: String, text: String) throws(HarnessError) -> Target {
        let known = EngineRegistry.all.map { $0.name }
        let head = String(name.prefix { $0 != "." && $0 != "[" })
        if known.contains(head) {
            let parameter = name.dropFirst(head.count + 1)
            guard name.dropFirst(head.count).hasPrefix("."), !parameter.isEmpty else {
                throw usage("--vary \(text): expected ENGINE.PARAM, found '\(name)'")
            }
            return .tunable(engine: head, parameter: String(parameter))
        }
        if nearest(to: head, in: known) != nil {
            throw .unknownEngine(origin: "--vary", name: head, known: known)
        }
        return .workload(path: name)
    }

    /// One item of the list: a value, or the values of a `start:stop:step` range.
    private static func expand(_ item: String, of text: String, numeric: Bool) throws(HarnessError) -> [String] {
        guard !item.isEmpty else {
            throw usage("--vary \(text): expected values or start:stop:step ranges separated by commas, found an empty item")
        }
        guard item.contains(":") else {
            guard numeric else { return [item] }
            guard let value = Double(item), value.isFinite else {
                throw usage("--vary \(text): expected a number, found '\(item)'")
            }
            return [format(value)]
        }
        return try range(item, of: text).map(format)
    }

    /// `start:stop:step`, `stop` included when the steps land on it.
    private static func range(_ item: String, of text: String) throws(HarnessError) -> [Double] {
        let parts = item.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let numbers = parts.compactMap { Double($0) }.filter(\.isFinite)
        guard parts.count == 3, numbers.count == 3 else {
            throw usage("--vary \(text): expected a range start:stop:step of numbers, found '\(item)'")
        }
        let (start, stop, step) = (numbers[0], numbers[1], numbers[2])
        guard step > 0 else { throw usage("--vary \(text): the step of '\(item)' must be above 0") }
        guard start <= stop else {
            throw usage("--vary \(text): the range '\(item)' has no values (start above stop), so the grid is empty")
        }
        // A small tolerance, so 0:1:0.1 reaches 1 despite binary fractions.
        let steps = ((stop - start) / step + 1e-9).rounded(.down)
        guard steps < Double(SweepGrid.maxPoints) else {
            throw usage("--vary \(text): the range '\(item)' has more than \(SweepGrid.maxPoints) values")
        }
        // Rounded to the decimals the user wrote, so 0.1 steps give 0.3, not 0.30000000000000004
        // (not for exponents such as 1e-3, whose decimals are not written out).
        let values = (0...Int(steps)).map { start + Double($0) * step }
        guard !parts.contains(where: { $0.lowercased().contains("e") }) else { return values }
        let decimals = parts.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 }.max() ?? 0
        let scale = pow(10, Double(min(decimals, 15)))
        return values.map { ($0 * scale).rounded() / scale }
    }

    /// Each value through the check that will meet it at run time, so a bad one fails now.
    private func check() throws(HarnessError) {
        switch target {
        case let .tunable(engine, parameter):
            let spec = EngineRegistry.named(engine)!
            for value in values {
                do { _ = try Tuning(engine: engine, parameters: spec.parameters, overrides: [parameter: Double(value)!]) } catch {
                    throw .tuning(origin: "--vary", error)
                }
            }
        case .workload:
            for value in values {
                let patch = self.patch(value)!
                do { _ = try JSONPatch(path: patch.path, valueText: patch.value) } catch {
                    throw Self.usage("--vary \(text): \(error)")
                }
            }
        }
    }

    private static func usage(_ message: String) -> HarnessError { .usage(command: "sweep", message: message) }
}
