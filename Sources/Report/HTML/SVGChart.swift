/// The frame every chart shares: canvas, title, legend, grid, axes with tick labels and titles.
/// `BarChart` and `LineChart` lay out their marks inside the plot area it leaves.
struct SVGChart {
    static let width = 960.0
    static let height = 460.0
    static let fontSize = 15.0
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"

    /// The rectangle marks are drawn in, in pixels from the canvas's top left.
    struct PlotArea {
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double
    }

    var title: String
    /// With its unit: "size (issues)".
    var xTitle: String
    /// With its unit: "throughput (issues/s)".
    var yTitle: String
    var legend: [LegendItem]

    /// Rough width of `text` in the chart's font: enough to keep labels from colliding.
    static func textWidth(_ text: String, size: Double = fontSize) -> Double { Double(text.count) * size * 0.55 }

    /// Rows of legend entries, each row as wide as the canvas allows.
    private var legendRows: [[LegendItem]] {
        var rows: [[LegendItem]] = []
        var width = 0.0
        for item in legend {
            if rows.isEmpty || width + item.width > Self.width - 40 {
                rows.append([])
                width = 0
            }
            rows[rows.count - 1].append(item)
            width += item.width
        }
        return rows
    }

    /// What is left for marks after the title, legend, tick labels and axis titles.
    func plotArea(yTickLabels: [String], xLabelLines: Int) -> PlotArea {
        let widestTick = yTickLabels.map { Self.textWidth($0) }.max() ?? 0
        return PlotArea(left: 20 + 24 + widestTick + 12,
                        right: Self.width - 24,
                        top: 44 + Double(legendRows.count) * 24 + 16,
                        bottom: Self.height - (Double(xLabelLines) * 19 + 14 + 34))
    }

    /// The whole `<svg>`: frame, y axis from `y`, the given x axis markup, then the marks on top.
    func svg(plot: PlotArea, y: Scale, xAxis: String, marks: String) -> String {
        var parts: [String] = [Markup.element("title", [:], Markup.escape(title))]
        parts.append(Markup.element("text", ["class": "chart-title", "x": "20", "y": "28", "font-size": "19",
                                             "font-weight": "600"], Markup.escape(title)))
        var legendY = 44.0
        for row in legendRows {
            var x = 20.0
            for item in row {
                parts.append(item.svg(x: x, y: legendY))
                x += item.width
            }
            legendY += 24
        }
        parts.append(yAxis(plot: plot, y: y))
        parts.append(xAxis)
        parts.append(Markup.element("g", ["class": "marks"], marks))
        let size = "\(Markup.number(Self.width))"
        return Markup.element("svg", ["xmlns": "http://www.w3.org/2000/svg", "class": "chart",
                                      "viewBox": "0 0 \(size) \(Markup.number(Self.height))",
                                      "width": size, "height": Markup.number(Self.height),
                                      "role": "img", "aria-label": title,
                                      "font-family": Self.fontFamily, "font-size": Markup.number(Self.fontSize),
                                      "fill": Palette.text],
                              parts.joined(separator: "\n"))
    }

    /// Grid lines at the ticks, the tick labels, the axis line and the rotated axis title.
    private func yAxis(plot: PlotArea, y: Scale) -> String {
        var parts: [String] = []
        for tick in y.ticks {
            let py = y(tick)
            parts.append(Self.line(plot.left, py, plot.right, py, Palette.grid, width: 1))
            parts.append(Markup.element("text", ["x": Markup.number(plot.left - 8), "y": Markup.number(py), "dy": "0.35em",
                                                 "text-anchor": "end"], Markup.escape(y.label(tick))))
        }
        parts.append(Self.line(plot.left, plot.top, plot.left, plot.bottom, Palette.axis, width: 1.5))
        let title = y.kind == .logarithmic ? "\(yTitle), log scale" : yTitle
        let middle = (plot.top + plot.bottom) / 2
        parts.append(Markup.element("text", ["class": "axis-title", "x": "0", "y": "0", "text-anchor": "middle",
                                             "font-weight": "600",
                                             "transform": "translate(24 \(Markup.number(middle))) rotate(-90)"],
                                    Markup.escape(title)))
        return Markup.element("g", ["class": "axis y-axis"], parts.joined())
    }

    /// An x axis of categories: each label (one or more lines) centred under its group.
    func categoryAxis(plot: PlotArea, labels: [[String]], centers: [Double]) -> String {
        var parts = [Self.line(plot.left, plot.bottom, plot.right, plot.bottom, Palette.axis, width: 1.5)]
        for (lines, center) in zip(labels, centers) {
            for (index, line) in lines.enumerated() {
                parts.append(Markup.element("text", ["x": Markup.number(center),
                                                     "y": Markup.number(plot.bottom + 22 + Double(index) * 19),
                                                     "text-anchor": "middle"], Markup.escape(line)))
            }
        }
        let lines = labels.map(\.count).max() ?? 1
        parts.append(xTitleText(plot: plot, below: Double(lines) * 19))
        return Markup.element("g", ["class": "axis x-axis"], parts.joined())
    }

    /// An x axis of values: ticks with labels and vertical grid lines.
    func valueAxis(plot: PlotArea, x: Scale) -> String {
        var parts: [String] = []
        for tick in x.ticks {
            let px = x(tick)
            parts.append(Self.line(px, plot.top, px, plot.bottom, Palette.grid, width: 1))
            parts.append(Self.line(px, plot.bottom, px, plot.bottom + 5, Palette.axis, width: 1.5))
            parts.append(Markup.element("text", ["x": Markup.number(px), "y": Markup.number(plot.bottom + 22),
                                                 "text-anchor": "middle"], Markup.escape(x.label(tick))))
        }
        parts.append(Self.line(plot.left, plot.bottom, plot.right, plot.bottom, Palette.axis, width: 1.5))
        parts.append(xTitleText(plot: plot, below: 19, logarithmic: x.kind == .logarithmic))
        return Markup.element("g", ["class": "axis x-axis"], parts.joined())
    }

    private func xTitleText(plot: PlotArea, below labelHeight: Double, logarithmic: Bool = false) -> String {
        Markup.element("text", ["class": "axis-title", "x": Markup.number((plot.left + plot.right) / 2),
                                "y": Markup.number(plot.bottom + labelHeight + 32), "text-anchor": "middle",
                                "font-weight": "600"],
                       Markup.escape(logarithmic ? "\(xTitle), log scale" : xTitle))
    }

    // MARK: - Shapes

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String, width: Double,
                     dashes: String? = nil, className: String? = nil) -> String {
        var attributes: [(String, String)] = [("x1", Markup.number(x1)), ("y1", Markup.number(y1)),
                                              ("x2", Markup.number(x2)), ("y2", Markup.number(y2)),
                                              ("stroke", color), ("stroke-width", Markup.number(width))]
        if let dashes { attributes.append(("stroke-dasharray", dashes)) }
        if let className { attributes.insert(("class", className), at: 0) }
        return Markup.element("line", attributes: attributes)
    }

    static func diamond(_ x: Double, _ y: Double, radius r: Double, fill: String, className: String = "best") -> String {
        let d = "M\(Markup.number(x)) \(Markup.number(y - r))L\(Markup.number(x + r)) \(Markup.number(y))"
            + "L\(Markup.number(x)) \(Markup.number(y + r))L\(Markup.number(x - r)) \(Markup.number(y))Z"
        return Markup.element("path", ["class": className, "d": d, "fill": fill, "stroke": "#FFFFFF", "stroke-width": "1.5"])
    }
}
