/// One entry of a chart's legend: a small symbol drawn as the marks are, and what it stands for.
struct LegendItem {
    enum Symbol {
        /// A filled square, for bars.
        case swatch(String)
        /// A line with a dot, for a line chart's series.
        case line(String)
        /// A line without a dot, for a level measured once.
        case plain(String)
        /// A dashed line (colour, dash pattern), for a bound or a reference.
        case dashed(String, String)
        /// An I-beam, for min–max whiskers.
        case whisker
        /// A ring, for a knee point.
        case ring
        /// A diamond, for the best point.
        case diamond
        /// A red ✗, for a failed row.
        case cross
    }

    var symbol: Symbol
    var label: String

    /// Width the symbol and its label take, for laying entries out in rows.
    var width: Double { 30 + SVGChart.textWidth(label) + 22 }

    /// The symbol in a 24 × 14 box whose top left is at (x, y), its label to the right.
    func svg(x: Double, y: Double) -> String {
        let mid = y + 7
        let symbolMarkup: String
        switch symbol {
        case let .swatch(color):
            symbolMarkup = Markup.element("rect", ["x": Markup.number(x + 5), "y": Markup.number(y), "width": "14",
                                                   "height": "14", "fill": color])
        case let .line(color):
            symbolMarkup = SVGChart.line(x, mid, x + 24, mid, color, width: 2.5)
                + Markup.element("circle", ["cx": Markup.number(x + 12), "cy": Markup.number(mid), "r": "4", "fill": color])
        case let .plain(color):
            symbolMarkup = SVGChart.line(x, mid, x + 24, mid, color, width: 2.5)
        case let .dashed(color, dashes):
            symbolMarkup = SVGChart.line(x, mid, x + 24, mid, color, width: 2.5, dashes: dashes)
        case .whisker:
            symbolMarkup = SVGChart.line(x + 12, y, x + 12, y + 14, Palette.text, width: 1.5)
                + SVGChart.line(x + 7, y, x + 17, y, Palette.text, width: 1.5)
                + SVGChart.line(x + 7, y + 14, x + 17, y + 14, Palette.text, width: 1.5)
        case .ring:
            symbolMarkup = Markup.element("circle", ["cx": Markup.number(x + 12), "cy": Markup.number(mid), "r": "6",
                                                     "fill": "none", "stroke": Palette.text, "stroke-width": "2"])
        case .diamond:
            symbolMarkup = SVGChart.diamond(x + 12, mid, radius: 6, fill: Palette.text, className: "legend-symbol")
        case .cross:
            symbolMarkup = Markup.element("text", ["x": Markup.number(x + 12), "y": Markup.number(mid), "dy": "0.35em",
                                                   "text-anchor": "middle", "font-weight": "700",
                                                   "fill": Palette.failure], "✗")
        }
        let text = Markup.element("text", ["x": Markup.number(x + 30), "y": Markup.number(mid), "dy": "0.35em"],
                                  Markup.escape(label))
        return symbolMarkup + text
    }
}
