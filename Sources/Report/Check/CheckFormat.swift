import Contract

/// How the check writes its statistics for people (figures themselves go through `NumberFormat`).
enum CheckFormat {
    /// A relative change with its sign and one decimal, "+6.4 %", "−5.1 %"; "from 0" when the
    /// baseline was 0 and the change has no finite size.
    static func change(_ percent: Double?) -> String {
        guard let percent else { return "from 0" }
        let magnitude = NumberFormat.fixed(abs(percent), decimals: 1)
        let sign = magnitude == "0.0" ? "±" : (percent > 0 ? "+" : "−")
        return "\(sign)\(magnitude) %"
    }

    /// A threshold as given: "5 %".
    static func threshold(_ percent: Double) -> String { "\(format(percent)) %" }

    /// Three significant digits, and a floor below which more digits say nothing: "< 0.0001".
    static func pValue(_ p: Double) -> String { p < 0.0001 ? "< 0.0001" : NumberFormat.figure(p) }

    /// α as it was given: "0.01".
    static func alpha(_ alpha: Double) -> String { format(alpha) }
}
