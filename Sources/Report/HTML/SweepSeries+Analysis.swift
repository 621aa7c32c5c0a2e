extension SweepSeries {
    /// A sweep's curves ready to plot: one series per curve that has a dimension, its verified
    /// points with their bounds; and, in each of those dimensions' charts, a level series for each
    /// curve of an engine that did not vary.
    public static func series(of sweep: SweepAnalysis) -> [SweepSeries] {
        let curves = sweep.curves
        // In the order of the dimensions, so the charts come in the order of the tables' columns.
        return zip(sweep.dimensions, sweep.values).flatMap { dimension, values -> [SweepSeries] in
            let varied = curves.filter { $0.dimension == dimension }.map { curve in
                SweepSeries(
                    engine: curve.label, parameter: dimension.name,
                    points: curve.points.filter(\.row.verified).map { Point(x: $0.x!, y: $0.row.throughput.median, bound: $0.row.bound) },
                    knee: curve.knee?.x, best: curve.best?.x)
            }
            guard !varied.isEmpty else { return [] }
            let levels = curves.filter { $0.dimension == nil }.compactMap { curve -> SweepSeries? in
                guard let row = curve.points.first?.row, row.verified else { return nil }
                return SweepSeries(engine: curve.label, parameter: dimension.name,
                                   points: values.compactMap(Double.init).map { Point(x: $0, y: row.throughput.median, bound: nil) },
                                   measuredOnce: true)
            }
            return varied + levels
        }
    }
}
