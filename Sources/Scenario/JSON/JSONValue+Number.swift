extension JSONValue {
    /// What a number literal is worth as a whole number, computed exactly from its digits (so
    /// `1e3`, `1000.0` and `-0` are integers, and 2^64-1 is not rounded through a `Double`).
    enum Integral: Equatable {
        case exact(Int128)
        /// Integral, but beyond ±`UInt64.max`.
        case outOfRange
        /// Has a non-zero fractional part.
        case fractional
    }

    /// The number as a `Double`, for a number; a literal beyond `Double`'s range is infinite.
    public var doubleValue: Double? {
        guard case .number(let literal) = kind else { return nil }
        return Double(literal) ?? .infinity
    }

    /// The number as a whole number, for a number.
    var integral: Integral? {
        guard case .number(let literal) = kind else { return nil }
        return Self.integral(ofLiteral: Array(literal.utf8))
    }

    /// `literal` must follow the JSON number grammar (the parser guarantees it).
    static func integral(ofLiteral literal: [UInt8]) -> Integral {
        var i = 0
        let negative = literal.first == UInt8(ascii: "-")
        if negative { i += 1 }
        var digits: [UInt8] = []
        var fractionDigits = 0
        while i < literal.count, literal[i].isDigit { digits.append(literal[i] &- 48); i += 1 }
        if i < literal.count, literal[i] == UInt8(ascii: ".") {
            i += 1
            while i < literal.count, literal[i].isDigit { digits.append(literal[i] &- 48); fractionDigits += 1; i += 1 }
        }
        var exponent = 0
        if i < literal.count, literal[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentSign = 1
            if i < literal.count, literal[i] == UInt8(ascii: "-") || literal[i] == UInt8(ascii: "+") {
                if literal[i] == UInt8(ascii: "-") { exponentSign = -1 }
                i += 1
            }
            // Saturate: any exponent beyond a billion is out of range (or fractional) either way.
            while i < literal.count, literal[i].isDigit {
                exponent = min(exponent * 10 + Int(literal[i] &- 48), 1_000_000_000)
                i += 1
            }
            exponent *= exponentSign
        }
        // value = digits × 10^scale
        var scale = exponent - fractionDigits
        let significant = digits.drop { $0 == 0 }
        var end = significant.endIndex
        while scale < 0, end > significant.startIndex, digits[end - 1] == 0 { end -= 1; scale += 1 }
        let kept = significant[significant.startIndex..<end]
        if kept.isEmpty { return .exact(0) }
        if scale < 0 { return .fractional }
        if kept.count + scale > 20 { return .outOfRange }
        var magnitude: UInt64 = 0
        for digit in kept + repeatElement(0, count: scale) {
            let (shifted, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(UInt64(digit))
            if o1 || o2 { return .outOfRange }
            magnitude = sum
        }
        return .exact(negative ? -Int128(magnitude) : Int128(magnitude))
    }
}
