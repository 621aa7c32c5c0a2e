import Measurement

extension BarChart {
    /// Median throughput per engine at each size, min–max whiskers, the bound marked per size.
    static func throughput(_ summaries: [Summary], colors: [String: String]) -> BarChart {
        var chart = bySize(summaries, colors: colors, title: "Throughput by engine and size",
                           yTitle: "throughput (issues/s)", unit: "issues/s") { row in
            BarChart.Bar(value: row.throughput.median, low: row.throughput.min, high: row.throughput.max,
                         failed: !row.verified)
        }
        chart.markers = sizes(summaries).map { size in summaries.first { $0.issues == size }?.bound }
        chart.markerLabel = "bound: the most any engine could reach"
        return chart
    }

    /// Speed-up over phase1 per engine at each size, with the highest speed-up the bound allows.
    static func speedup(_ summaries: [Summary], colors: [String: String]) -> BarChart {
        var chart = bySize(summaries, colors: colors, title: "Speed-up over phase1",
                           yTitle: "speed-up vs phase1 (×)", unit: "×") { row in
            row.speedupVsPhase1.map { BarChart.Bar(value: $0, failed: !row.verified) }
        }
        chart.markers = sizes(summaries).map { size in
            summaries.first { $0.issues == size }.flatMap { ClaimEvaluator.speedupBound(of: $0, in: summaries) }
        }
        chart.markerLabel = "bound ÷ phase1: the most speed-up possible"
        chart.reference = (1, "phase1 = 1×")
        return chart
    }

    /// Peak resident memory per engine at each size.
    static func peakMemory(_ summaries: [Summary], colors: [String: String]) -> BarChart {
        bySize(summaries, colors: colors, title: "Peak memory (RSS) by engine and size", yTitle: "peak RSS (MiB)",
               unit: "MiB") { row in
            BarChart.Bar(value: Double(row.peakRSSBytes) / 1_048_576, failed: !row.verified)
        }
    }

    /// p50, p95 and p99 per-issue latency for every engine × size.
    static func latency(_ summaries: [Summary]) -> BarChart {
        let rows = ReportTable.comparisonOrder(summaries)
        let labels = ReportTable.engineLabels(rows)
        let percentiles: [(String, KeyPath<Percentiles, Double>)] = [("p50", \.p50), ("p95", \.p95), ("p99", \.p99)]
        return BarChart(
            title: "Per-issue latency percentiles",
            groups: zip(rows, labels).map { row, label in label.split(separator: " ").map(String.init)
                + ["\(NumberFormat.integer(row.issues)) issues"] },
            xTitle: "engine and size (issues)", yTitle: "latency (ms)", unit: "ms",
            series: zip(percentiles, Palette.percentiles).map { percentile, color in
                Series(name: percentile.0, color: color, bars: rows.map {
                    Bar(value: $0.latencyMs[keyPath: percentile.1], failed: !$0.verified)
                })
            })
    }

    /// Groups by size, one series per engine (and tuning), values from `bar`.
    private static func bySize(_ summaries: [Summary], colors: [String: String], title: String, yTitle: String,
                               unit: String, bar: (Summary) -> Bar?) -> BarChart {
        let rows = ReportTable.comparisonOrder(summaries)
        let labels = ReportTable.engineLabels(rows)
        let sizes = sizes(summaries)
        var seriesNames: [String] = []
        for label in labels where !seriesNames.contains(label) { seriesNames.append(label) }
        let series = seriesNames.map { name in
            Series(name: name, color: colors[name] ?? Palette.series[0], bars: sizes.map { size in
                zip(rows, labels).first { $0.0.issues == size && $0.1 == name }.flatMap { bar($0.0) }
            })
        }
        return BarChart(title: title, groups: sizes.map { [NumberFormat.integer($0)] }, xTitle: "size (issues)",
                        yTitle: yTitle, unit: unit, series: series)
    }

    private static func sizes(_ summaries: [Summary]) -> [Int] { Set(summaries.map(\.issues)).sorted() }
}
