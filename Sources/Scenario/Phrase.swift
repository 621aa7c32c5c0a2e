/// The small pieces every error message is built from, written once so all messages read alike.
enum Phrase {
    /// Longest stretch of user text quoted in a message; a 10 MB string is not echoed back.
    static let quoteLimit = 40

    /// `text` as a JSON string literal, cut short with "…" when long: `"sundial"`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for (n, scalar) in text.unicodeScalars.enumerated() {
            if n == quoteLimit { out += "…"; break }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += unicodeEscape(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Raw text between single quotes, cut short like `quoted`: `'1x'`.
    static func verbatim(_ text: String) -> String { "'" + clipped(text) + "'" }

    /// `text` unquoted, cut short like `quoted`.
    static func clipped(_ text: String) -> String {
        let head = text.unicodeScalars.prefix(quoteLimit)
        let cut = head.count < text.unicodeScalars.count ? "…" : ""
        return String(String.UnicodeScalarView(head)) + cut
    }

    /// The accepted values of a string field: `"a"`, `"a" or "b"`, `one of "a", "b", "c"`.
    static func choice(of values: [String]) -> String {
        let quoted = values.map { "\"\($0)\"" }
        switch quoted.count {
        case 1: return quoted[0]
        case 2: return "\(quoted[0]) or \(quoted[1])"
        default: return "one of " + quoted.joined(separator: ", ")
        }
    }

    /// `\u001F`: how JSON spells a control character.
    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
