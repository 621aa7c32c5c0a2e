import Contract
import Measurement

extension ReportTable {
    /// The comparison of one scenario's rows: by size, then engine; a failed row's reasons under it.
    public static func comparison(_ summaries: [Summary]) -> ReportTable {
        let sorted = comparisonOrder(summaries)
        let labels = engineLabels(sorted)
        // On the virtual clock the figures are simulated time; what the simulation cost the host
        // goes beside them.
        let virtual = sorted.contains { $0.clock == "virtual" }
        let rows = zip(sorted, labels).map { row, label -> [Cell] in
            let timeless = tookNoTime(row)
            var cells = [Cell(NumberFormat.integer(row.issues)),
             Cell(label),
             Cell(timeless ? NumberFormat.missing : NumberFormat.figure(row.throughput.median)),
             Cell(timeless ? NumberFormat.missing
                  : "\(NumberFormat.figure(row.throughput.min))–\(NumberFormat.figure(row.throughput.max))"),
             Cell(NumberFormat.figure(row.speedupVsPhase1)),
             Cell(NumberFormat.figure(row.bound)),
             Cell(row.efficiency.map(NumberFormat.percent(fraction:)) ?? NumberFormat.missing),
             Cell(NumberFormat.figure(row.latencyMs.p50)),
             Cell(NumberFormat.figure(row.latencyMs.p99)),
             Cell(NumberFormat.mebibytes(row.peakRSSBytes)),
             Cell(NumberFormat.figure(row.memoryVsPhase1)),
             Cell(NumberFormat.integer(row.apiCalls)),
             Cell(NumberFormat.integer(row.rateLimited)),
             Cell(NumberFormat.integer(row.retries)),
             Cell(NumberFormat.figure(row.cpuSeconds))]
            if virtual {
                cells.append(Cell(NumberFormat.figure(row.hostWallSeconds)))
                cells.append(Cell(NumberFormat.figure(row.hostWallSeconds > 0
                                                      ? Double(row.apiCalls) / row.hostWallSeconds : nil)))
            }
            cells.append(row.verified ? Cell("✓", .good) : Cell("✗", .bad))
            return cells
        }
        var notes = zip(sorted, labels).filter { !$0.0.verified }.map { row, label in
            let reasons = row.failures.isEmpty ? "no reason recorded" : row.failures.joined(separator: "; ")
            return Cell("✗ \(label) at \(NumberFormat.integer(row.issues)) issues: \(reasons)", .bad)
        }
        if sorted.contains(where: tookNoTime) {
            notes.append(Cell("no throughput (—): no virtual time passed (no latency, limit or synthetic CPU in the "
                              + "workload), so on the virtual clock it is unbounded; host time and requests per "
                              + "host second say what the simulation cost"))
        }
        if let speed = speedChangeNote(sorted) { notes.append(speed) }
        var columns = comparisonColumns
        if virtual {
            columns.insert(contentsOf: [Column("host time", unit: "s"), Column("requests", unit: "per host s")],
                           at: columns.count - 1)
        }
        return ReportTable(columns: columns, rows: rows, notes: notes)
    }

    /// A verified virtual-clock row during which no simulated time passed: its throughput would be
    /// issues over zero seconds (a record says 0), which no engine can be compared by.
    static func tookNoTime(_ row: Summary) -> Bool {
        row.clock == "virtual" && row.verified && row.wallSeconds == 0
    }

    /// Probes that differ by more than this factor mean the machine's speed changed during the run.
    static let speedChangeFactor = 1.2

    /// A warning when the trials' speed probes (`SpeedProbe`) differ by more than
    /// `speedChangeFactor`: the machine ran at different speeds, and the time figures of trials
    /// taken at different speeds measure the machine as much as the engine.
    static func speedChangeNote(_ rows: [Summary]) -> Cell? {
        let probes = rows.compactMap(\.speedProbeMilliseconds)
        guard let fastest = probes.map(\.min).min(), let slowest = probes.map(\.max).max(),
              fastest > 0, slowest > fastest * speedChangeFactor else { return nil }
        return Cell("the machine's speed changed during this run: the same fixed CPU work, timed before each trial, "
                    + "took \(NumberFormat.figure(fastest))–\(NumberFormat.figure(slowest)) ms "
                    + "(\(NumberFormat.figure(slowest / fastest))×); time figures of trials taken at different "
                    + "speeds are not comparable (`speedProbeMilliseconds` in each trial's record)", .warning)
    }

    static let comparisonColumns: [Column] = [
        Column("size", unit: "issues"),
        Column("engine", .left),
        Column("throughput", unit: "issues/s"),
        Column("min–max", unit: "issues/s"),
        Column("speed-up", unit: "×"),
        Column("bound", unit: "issues/s"),
        Column("efficiency", unit: "%"),
        Column("p50", unit: "ms"),
        Column("p99", unit: "ms"),
        Column("peak RSS", unit: "MiB"),
        Column("memory", unit: "× phase1"),
        Column("API calls"),
        Column("403/429"),
        Column("retries"),
        Column("CPU", unit: "s"),
        Column("verified", .left),
    ]

    /// By size, then engine, then tuning.
    static func comparisonOrder(_ summaries: [Summary]) -> [Summary] {
        summaries.sorted {
            ($0.issues, $0.engine, tuningLabel($0.tuning)) < ($1.issues, $1.engine, tuningLabel($1.tuning))
        }
    }

    /// Each row's engine, followed by the tunables that tell its rows apart when it ran in several
    /// tunings ("phase2 maxConcurrency=32"); just the engine otherwise.
    static func engineLabels(_ rows: [Summary]) -> [String] {
        var tuningsByEngine: [String: [[String: Double]]] = [:]
        for row in rows { tuningsByEngine[row.engine, default: []].append(row.tuning) }
        return rows.map { row in
            let tunings = tuningsByEngine[row.engine] ?? []
            let varying = row.tuning.filter { name, value in tunings.contains { $0[name] != value } }
            return varying.isEmpty ? row.engine : "\(row.engine) \(tuningLabel(varying, separator: " "))"
        }
    }

    /// Tunables as `k=v` in name order: "maxConcurrency=16;minConcurrency=2".
    static func tuningLabel(_ tuning: [String: Double], separator: String = ";") -> String {
        tuning.sorted { $0.key < $1.key }.map { "\($0.key)=\(format($0.value))" }.joined(separator: separator)
    }
}
