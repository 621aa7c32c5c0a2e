/// Colours that stay distinct for colour-blind readers: the Okabe–Ito palette, in an order where
/// neighbours differ in lightness too. Pale yellow is left out: it vanishes on white.
enum Palette {
    static let series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]

    /// Latency percentiles: one hue from light to dark, so p50 < p95 < p99 reads as an order.
    static let percentiles = ["#9ECAE1", "#4292C6", "#08306B"]

    static let text = "#1A1A1A"
    static let axis = "#444444"
    static let grid = "#E3E3E3"
    static let failure = "#B00020"

    /// The same engine gets the same colour in every chart of a report.
    static func colors(for names: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Set(names).sorted().enumerated().map { index, name in
            (name, series[index % series.count])
        })
    }
}
