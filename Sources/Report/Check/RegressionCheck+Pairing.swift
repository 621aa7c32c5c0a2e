/// Which rows are compared with which, and the input that makes a comparison meaningless.
extension RegressionCheck {
    /// Files of one clock mode on each side (`old`, `new`: each side's modes), but not the same one on both.
    static func checkClocks(_ old: Set<String>, _ new: Set<String>) throws(CheckError) {
        guard old.count == 1, new.count == 1, let before = old.first, let now = new.first, before != now else { return }
        throw .clockChanged(row: nil, baseline: before, current: now)
    }

    /// Every scenario on both sides (scenario name → workload hash) must have the same workload;
    /// the first that does not, by name, is the error.
    static func checkWorkloads(_ old: [String: String], _ new: [String: String]) throws(CheckError) {
        for (scenario, before) in old.sorted(by: { $0.key < $1.key }) {
            if let now = new[scenario], now != before {
                throw .workloadChanged(scenario: scenario, baseline: before, current: now)
            }
        }
    }

    /// Baseline and current rows paired by scenario, size and engine: one row each is a pair
    /// whatever their tunings (so `--set phase3.maxConnections=2` is compared with the baseline's
    /// phase3, not reported missing); where an engine ran in several tunings, by tuning too.
    /// Sorted by scenario (baseline order), size, engine and tuning.
    static func pairs(_ old: MergedResults,
                      _ new: MergedResults) throws(CheckError) -> [(MergedResults.Row, MergedResults.Row)] {
        let before = Dictionary(grouping: old.rows, by: GroupKey.init)
        let now = Dictionary(grouping: new.rows, by: GroupKey.init)
        var pairs: [(MergedResults.Row, MergedResults.Row)] = []
        var missingFromCurrent: [RowKey] = [], missingFromBaseline: [RowKey] = []
        for group in Set(before.keys).union(now.keys) {
            let b = before[group] ?? [], c = now[group] ?? []
            if b.count == 1, c.count == 1 {
                pairs.append((b[0], c[0]))
                continue
            }
            for row in b {
                if let match = c.first(where: { $0.key == row.key }) { pairs.append((row, match)) }
                else { missingFromCurrent.append(row.key) }
            }
            missingFromBaseline += c.filter { row in !b.contains { $0.key == row.key } }.map(\.key)
        }
        let order = old.scenarioOrder + new.scenarioOrder.filter { !old.scenarioOrder.contains($0) }
        func precedes(_ a: RowKey, _ b: RowKey) -> Bool {
            (order.firstIndex(of: a.scenario) ?? order.count, a.issues, a.engine, ReportTable.tuningLabel(a.tuning))
                < (order.firstIndex(of: b.scenario) ?? order.count, b.issues, b.engine, ReportTable.tuningLabel(b.tuning))
        }
        guard missingFromCurrent.isEmpty, missingFromBaseline.isEmpty else {
            throw .missingRows(fromCurrent: missingFromCurrent.sorted(by: precedes),
                               fromBaseline: missingFromBaseline.sorted(by: precedes))
        }
        return pairs.sorted { precedes($0.1.key, $1.1.key) }
    }

    /// Rows that are the same measurement but for the engine's tunables.
    private struct GroupKey: Hashable {
        var scenario: String
        var issues: Int
        var engine: String

        init(_ row: MergedResults.Row) {
            scenario = row.key.scenario
            issues = row.key.issues
            engine = row.key.engine
        }
    }
}
