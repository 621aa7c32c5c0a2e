/// Bars in groups (one group per category, one bar per series), with optional min–max whiskers,
/// one marker line per group (the bound) and a reference line across the plot (1× for speed-ups).
struct BarChart {
    struct Bar {
        var value: Double
        var low: Double?
        var high: Double?
        /// Shown as a red ✗ on the axis and in the tooltip: the row failed verification.
        var failed = false
    }

    struct Series {
        var name: String
        var color: String
        /// One per group; `nil` leaves the bar's place empty.
        var bars: [Bar?]
    }

    var title: String
    /// Each group's label, one string per line.
    var groups: [[String]]
    var xTitle: String
    var yTitle: String
    /// Appended to values in tooltips: "issues/s".
    var unit: String
    var series: [Series]
    /// One per group (`nil`: none), drawn as a dashed line across the group.
    var markers: [Double?] = []
    var markerLabel = "bound"
    var reference: (value: Double, label: String)?

    private static let markerDashes = "7 4"
    private static let referenceDashes = "3 3"

    func svg() -> String {
        let bars = series.flatMap { $0.bars.compactMap { $0 } }
        let values = bars.flatMap { [$0.value, $0.low, $0.high].compactMap { $0 } }
            + markers.compactMap { $0 } + [reference?.value].compactMap { $0 }
        var y = Scale(fitting: values, fromZero: true)
        if y.kind == .logarithmic, let shortest = bars.map(\.value).filter({ $0 > 0 }).min() {
            // A bar on a log axis rises from the axis' foot: start it a decade below the shortest
            // bar, or that bar (phase1 under a bound 400× higher) is a sliver that reads as nothing.
            y = Scale(fitting: values + [shortest / 10], fromZero: true)
        }
        let chart = SVGChart(title: title, xTitle: xTitle, yTitle: yTitle, legend: legend)
        let plot = chart.plotArea(yTickLabels: y.ticks.map(y.label), xLabelLines: groups.map(\.count).max() ?? 1)
        y.from = plot.bottom
        y.to = plot.top

        let groupWidth = (plot.right - plot.left) / Double(max(groups.count, 1))
        let slot = groupWidth * 0.8 / Double(max(series.count, 1))
        let barWidth = slot * 0.86
        let centers = groups.indices.map { plot.left + groupWidth * (Double($0) + 0.5) }
        var marks: [String] = []
        for (seriesIndex, series) in series.enumerated() {
            for (group, bar) in series.bars.enumerated() {
                guard let bar, group < groups.count else { continue }
                let center = centers[group] - groupWidth * 0.4 + slot * (Double(seriesIndex) + 0.5)
                marks.append(self.bar(bar, series: series, group: group, center: center, width: barWidth, y: y))
            }
        }
        for (group, marker) in markers.enumerated() {
            guard let marker, group < groups.count else { continue }
            let half = groupWidth * 0.44
            marks.append(SVGChart.line(centers[group] - half, y(marker), centers[group] + half, y(marker),
                                       Palette.text, width: 2.5, dashes: Self.markerDashes, className: "bound"))
        }
        if let reference {
            marks.append(SVGChart.line(plot.left, y(reference.value), plot.right, y(reference.value),
                                       Palette.axis, width: 1.5, dashes: Self.referenceDashes, className: "reference"))
        }
        return chart.svg(plot: plot, y: y, xAxis: chart.categoryAxis(plot: plot, labels: groups, centers: centers),
                         marks: marks.joined(separator: "\n"))
    }

    /// One `<rect class="bar">` with its tooltip, whisker and value label.
    private func bar(_ bar: Bar, series: Series, group: Int, center: Double, width: Double, y: Scale) -> String {
        let top = y(bar.value), base = y.from
        var tooltip = "\(series.name), \(groups[group].joined(separator: " ")): \(NumberFormat.figure(bar.value)) \(unit)"
        if let low = bar.low, let high = bar.high {
            tooltip += " (min \(NumberFormat.figure(low)), max \(NumberFormat.figure(high)))"
        }
        if bar.failed { tooltip += ", failed verification" }
        var parts = [Markup.element("rect", ["class": "bar", "x": Markup.number(center - width / 2),
                                             "y": Markup.number(top), "width": Markup.number(width),
                                             "height": Markup.number(max(base - top, 0)), "fill": series.color],
                                    Markup.element("title", [:], Markup.escape(tooltip)))]
        var labelY = top
        if let low = bar.low, let high = bar.high {
            let cap = min(width * 0.5, 14) / 2
            parts.append(Markup.element("g", ["class": "whisker"], [
                SVGChart.line(center, y(low), center, y(high), Palette.text, width: 1.5),
                SVGChart.line(center - cap, y(low), center + cap, y(low), Palette.text, width: 1.5),
                SVGChart.line(center - cap, y(high), center + cap, y(high), Palette.text, width: 1.5),
            ].joined()))
            labelY = min(labelY, y(high))
        }
        if bar.failed {
            parts.append(Markup.element("text", ["class": "failed", "x": Markup.number(center), "y": Markup.number(base - 8),
                                                 "text-anchor": "middle", "font-weight": "700", "fill": Palette.failure],
                                        "✗"))
        } else if width >= 34 {
            parts.append(Markup.element("text", ["class": "value", "x": Markup.number(center),
                                                 "y": Markup.number(labelY - 6), "text-anchor": "middle",
                                                 "font-size": "13", "stroke": "#FFFFFF", "stroke-width": "3",
                                                 "paint-order": "stroke"],
                                        Markup.escape(NumberFormat.figure(bar.value))))
        }
        return parts.joined()
    }

    private var legend: [LegendItem] {
        var items = series.map { LegendItem(symbol: .swatch($0.color), label: $0.name) }
        if series.contains(where: { $0.bars.contains { $0?.low != nil } }) {
            items.append(LegendItem(symbol: .whisker, label: "min–max"))
        }
        if markers.contains(where: { $0 != nil }) {
            items.append(LegendItem(symbol: .dashed(Palette.text, Self.markerDashes), label: markerLabel))
        }
        if let reference { items.append(LegendItem(symbol: .dashed(Palette.axis, Self.referenceDashes), label: reference.label)) }
        if series.contains(where: { $0.bars.contains { $0?.failed == true } }) {
            items.append(LegendItem(symbol: .cross, label: "failed verification"))
        }
        return items
    }
}
