import Contract
import Measurement

extension ReportTable {
    /// One metric of a sweep: a row per grid point with the dimensions' values, the bound beside
    /// the throughput, and a column per engine. Under the throughput table, each curve's best and
    /// knee; under every table, why rows failed.
    public static func sweep(_ sweep: SweepAnalysis, metric: SweepMetric) -> ReportTable {
        var columns = sweep.dimensions.map { $0 == .size ? Column("size", unit: "issues") : Column($0.name) }
        if metric == .throughput { columns.append(Column("bound", unit: "issues/s")) }
        columns += sweep.engines.map { Column($0, unit: metric.unit) }
        let rows = sweep.points.map { point -> [Cell] in
            var cells = zip(sweep.dimensions, point).map { dimension, value in
                Cell(dimension == .size ? Int(value).map(NumberFormat.integer) ?? value : value)
            }
            if metric == .throughput { cells.append(Cell(NumberFormat.figure(sweep.bound(at: point)))) }
            cells += sweep.engines.map { engine in
                guard let row = sweep.row(engine, at: point) else { return Cell(NumberFormat.missing, .muted) }
                return row.verified ? Cell(metric.text(row)) : Cell("✗", .bad)
            }
            return cells
        }
        let curves = sweep.curves
        var notes: [Cell] = []
        if metric == .throughput {
            notes += curves.compactMap { curve -> Cell? in
                guard let dimension = curve.dimension, let best = curve.best, let knee = curve.knee else { return nil }
                return Cell("\(curve.label): best \(NumberFormat.figure(best.row.throughput.median)) issues/s at "
                    + "\(dimension.name)=\(format(best.x!)); knee at \(format(knee.x!)) "
                    + "(the smallest value within \(format(SweepCurve.kneePercent)) % of the best)")
            }
        }
        for curve in curves {
            for point in curve.points where !point.row.verified {
                let at = point.x.map { " at \(curve.dimension!.name)=\(format($0))" } ?? ""
                let reasons = point.row.failures.isEmpty ? "no reason recorded" : point.row.failures.joined(separator: "; ")
                notes.append(Cell("✗ \(curve.label)\(at): \(reasons)", .bad))
            }
        }
        return ReportTable(columns: columns, rows: rows, notes: notes)
    }
}
