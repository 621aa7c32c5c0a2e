extension LineChart {
    /// Throughput as `parameter` varies, one line per engine, its bound dashed, knee and best marked.
    static func sweep(_ sweeps: [SweepSeries], parameter: String, colors: [String: String]) -> LineChart {
        LineChart(
            title: "Throughput as \(parameter) varies", xTitle: parameter, yTitle: "throughput (issues/s)",
            unit: "issues/s",
            series: sweeps.filter { $0.parameter == parameter }.map { sweep in
                Series(name: sweep.engine, color: colors[sweep.engine] ?? Palette.series[0],
                       points: sweep.points.map { ($0.x, $0.y) },
                       bound: sweep.points.compactMap { point in point.bound.map { (point.x, $0) } },
                       knee: sweep.knee, best: sweep.best, level: sweep.measuredOnce)
            })
    }
}
