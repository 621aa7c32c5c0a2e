import Contract
import Foundation

/// How figures are written for people: few significant digits, grouped thousands, "—" for n/a.
///
/// Three significant digits is what a benchmark's noise allows; more digits suggest a precision
/// the measurement does not have. Integer digits are never dropped, so 1,234.5 issues/s is "1,234".
/// Machine-readable outputs (CSV, JSON) never go through here: they carry the raw numbers.
enum NumberFormat {
    /// Written for a figure that is not available.
    static let missing = "—"

    /// Three significant digits, at least every integer digit: 1,234.5 → "1,234", 0.1234 → "0.123".
    static func figure(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        guard value != 0 else { return "0" }
        if abs(value) >= 100 { return fixed(value, decimals: 0) }
        var decimals = 2 - Int(log10(abs(value)).rounded(.down))
        let rounded = (value * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        // Rounding can carry into the next power of ten (9.996 → 10.00): one decimal fewer then.
        if abs(rounded) >= pow(10, Double(3 - decimals)) { decimals -= 1 }
        return fixed(value, decimals: max(0, decimals))
    }

    /// `figure` or "—".
    static func figure(_ value: Double?) -> String { value.map(figure) ?? missing }

    /// A count with grouped thousands: "12,345".
    static func integer(_ value: Int) -> String { grouped(String(value)) }

    /// Bytes as MiB with one decimal: "1,234.5".
    static func mebibytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, decimals: 1) }

    /// A fraction as a percentage figure: 0.8123 → "81.2".
    static func percent(fraction: Double) -> String { figure(fraction * 100) }

    /// Every digit the value has (a claimed figure is shown as written): 1234.5 → "1,234.5".
    static func exact(_ value: Double) -> String {
        value.isFinite ? grouped(format(value)) : nonFinite(value)
    }

    /// `value` with a fixed number of decimals and grouped thousands.
    static func fixed(_ value: Double, decimals: Int) -> String {
        grouped(String(format: "%.\(decimals)f", value))
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? missing : (value > 0 ? "∞" : "−∞")
    }

    /// Inserts a comma every three digits of the integer part of a plain decimal numeral.
    private static func grouped(_ numeral: String) -> String {
        let sign = numeral.hasPrefix("-") ? "-" : ""
        let unsigned = numeral.dropFirst(sign.count)
        let integerPart = unsigned.prefix { $0.isASCII && $0.isNumber }
        guard integerPart.count > 3 else { return numeral }
        var groups: [Substring] = []
        var end = integerPart.endIndex
        while end > integerPart.startIndex {
            let start = integerPart.index(end, offsetBy: -3, limitedBy: integerPart.startIndex) ?? integerPart.startIndex
            groups.insert(integerPart[start..<end], at: 0)
            end = start
        }
        return sign + groups.joined(separator: ",") + unsigned[integerPart.endIndex...]
    }
}
