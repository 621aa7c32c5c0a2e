/// Lines of points over a numeric x axis, each with an optional dashed bound line and its knee
/// and best points marked: the shape of a sweep. A level series (an engine measured once, for
/// comparison) is a plain line without point marks. When every series has the same bound it is
/// drawn once, in the text colour.
struct LineChart {
    struct Series {
        var name: String
        var color: String
        var points: [(x: Double, y: Double)]
        /// Drawn dashed in the series' colour; may be empty.
        var bound: [(x: Double, y: Double)]
        var knee: Double?
        var best: Double?
        /// Measured once, not along x: a line without point marks.
        var level = false
    }

    var title: String
    var xTitle: String
    var yTitle: String
    /// Appended to y values in tooltips: "issues/s".
    var unit: String
    var series: [Series]

    private static let boundDashes = "8 5"
    private static let maxDataTicks = 12
    /// Pixels between the centres of two x tick labels at least.
    private static let minTickSpacing = 44.0

    func svg() -> String {
        let xs = series.flatMap { $0.points.map(\.x) + $0.bound.map(\.x) }
        let ys = series.flatMap { $0.points.map(\.y) + $0.bound.map(\.y) }
        var x = Scale(fitting: xs, fromZero: false)
        var y = Scale(fitting: ys, fromZero: true)
        let chart = SVGChart(title: title, xTitle: xTitle, yTitle: yTitle, legend: legend)
        let plot = chart.plotArea(yTickLabels: y.ticks.map(y.label), xLabelLines: 1)
        // Inset so points at the ends of the domain are not cut in half by the plot's edge.
        x.from = plot.left + 12
        x.to = plot.right - 12
        // A sweep has few x values, and readers look for them on the axis: tick them, when their
        // labels fit between each other.
        let dataTicks = Set(series.flatMap { $0.points.map(\.x) }).sorted()
        if dataTicks.count <= Self.maxDataTicks,
           zip(dataTicks, dataTicks.dropFirst()).allSatisfy({ x($1) - x($0) >= Self.minTickSpacing }) {
            x.ticks = dataTicks
        }
        y.from = plot.bottom
        y.to = plot.top
        var marks: [String] = []
        if let shared = sharedBound {
            marks.append(path(shared, x: x, y: y, color: Palette.text, className: "bound", dashes: Self.boundDashes,
                              opacity: nil))
        }
        for series in series {
            let points = series.points.sorted { $0.x < $1.x }
            if series.bound.count > 1, sharedBound == nil {
                marks.append(path(series.bound.sorted { $0.x < $1.x }, x: x, y: y, color: series.color,
                                  className: "bound", dashes: Self.boundDashes, opacity: "0.75"))
            }
            marks.append(path(points, x: x, y: y, color: series.color, className: series.level ? "level" : "line",
                              dashes: nil, opacity: nil))
            for point in points where !series.level {
                marks.append(Markup.element("circle", ["class": "point", "cx": Markup.number(x(point.x)),
                                                       "cy": Markup.number(y(point.y)), "r": "5",
                                                       "fill": series.color, "stroke": "#FFFFFF", "stroke-width": "1.5"],
                                            Markup.element("title", [:], Markup.escape(
                                                "\(series.name), \(xTitle) = \(NumberFormat.exact(point.x)): "
                                                + "\(NumberFormat.figure(point.y)) \(unit)"))))
            }
            if let knee = series.knee, let point = nearest(knee, in: points) {
                let (px, py) = (x(point.x), y(point.y))
                marks.append(Markup.element("circle", ["class": "knee", "cx": Markup.number(px), "cy": Markup.number(py),
                                                       "r": "11", "fill": "none", "stroke": Palette.text,
                                                       "stroke-width": "2"]))
                marks.append(label("knee", x: px, y: py - 18))
            }
            if let best = series.best, let point = nearest(best, in: points) {
                let (px, py) = (x(point.x), y(point.y))
                marks.append(SVGChart.diamond(px, py, radius: 8, fill: series.color))
                marks.append(label("best", x: px, y: py + 28))
            }
        }
        return chart.svg(plot: plot, y: y, xAxis: chart.valueAxis(plot: plot, x: x), marks: marks.joined(separator: "\n"))
    }

    private func path(_ points: [(x: Double, y: Double)], x: Scale, y: Scale, color: String, className: String,
                      dashes: String?, opacity: String?) -> String {
        let d = points.enumerated().map { index, point in
            "\(index == 0 ? "M" : "L")\(Markup.number(x(point.x))) \(Markup.number(y(point.y)))"
        }.joined()
        var attributes = [("class", className), ("d", d), ("fill", "none"), ("stroke", color), ("stroke-width", "2.5")]
        if let dashes { attributes.append(("stroke-dasharray", dashes)) }
        if let opacity { attributes.append(("stroke-opacity", opacity)) }
        return Markup.element("path", attributes: attributes)
    }

    private func label(_ text: String, x: Double, y: Double) -> String {
        Markup.element("text", ["x": Markup.number(x), "y": Markup.number(y), "text-anchor": "middle",
                                "font-size": "13", "font-weight": "600", "stroke": "#FFFFFF", "stroke-width": "3",
                                "paint-order": "stroke"], Markup.escape(text))
    }

    /// The measured point closest to `value` on the x axis.
    private func nearest(_ value: Double, in points: [(x: Double, y: Double)]) -> (x: Double, y: Double)? {
        points.min { abs($0.x - value) < abs($1.x - value) }
    }

    /// The bound line, when every series that has one has the same.
    private var sharedBound: [(x: Double, y: Double)]? {
        let bounds = series.filter { $0.bound.count > 1 }.map { $0.bound.sorted { $0.x < $1.x } }
        guard let first = bounds.first else { return nil }
        let same = bounds.allSatisfy { $0.map(\.x) == first.map(\.x) && $0.map(\.y) == first.map(\.y) }
        return same ? first : nil
    }

    private var legend: [LegendItem] {
        var items = series.map {
            LegendItem(symbol: $0.level ? .plain($0.color) : .line($0.color), label: $0.level ? "\($0.name) (measured once)" : $0.name)
        }
        if sharedBound != nil {
            items.append(LegendItem(symbol: .dashed(Palette.text, Self.boundDashes), label: "bound: the most any engine could reach"))
        } else if series.contains(where: { $0.bound.count > 1 }) {
            items.append(LegendItem(symbol: .dashed(Palette.axis, Self.boundDashes), label: "bound, in the engine's colour"))
        }
        if series.contains(where: { $0.knee != nil }) { items.append(LegendItem(symbol: .ring, label: "knee")) }
        if series.contains(where: { $0.best != nil }) { items.append(LegendItem(symbol: .diamond, label: "best")) }
        return items
    }
}
